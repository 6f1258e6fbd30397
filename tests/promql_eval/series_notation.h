// SPDX-License-Identifier: Apache-2.0
// Prometheus's test-file series notation (`metric{a="b"} 1+2x10 _ stale -1-1x5`), shared by the
// corpus runner; caxtool test rules has its own in lib/ruletest.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "promql/eval/engine.h"

namespace caxtool::promql::evaltest {

struct SeqValue {
  double v = 0;
  bool omitted = false;  // `_`
};

struct SeriesLine {
  eval::Labels labels;
  std::vector<SeqValue> values;
};

// nullopt (with `error`) when the line is not in the notation, e.g. a native histogram.
std::optional<SeriesLine> parse_series_line(std::string_view line, std::string& error);

// Go's model.ParseDuration ("1h30m", "5m", "0"), in milliseconds.
std::optional<int64_t> parse_duration_ms(std::string_view s);

// The test format's parseNumber: Go's ParseInt(s, 0, 64) then ParseFloat.
std::optional<double> parse_number(std::string_view s);

}  // namespace caxtool::promql::evaltest
