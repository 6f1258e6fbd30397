// SPDX-License-Identifier: Apache-2.0
// The expanding series notation of promtool's input_series (`1+2x10`, `_x3`, `stale`,
// `-1-1x5`), read as Prometheus's series-description grammar reads it, and the series' labels
// (`up{job="a"}`) as parser.ParseMetric reads them. Errors carry the byte offset into
// `series + " " + values`, the string promtool hands its lazy loader, so the message and column
// are promtool's.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "promql/eval/float_histogram.h"
#include "promql/version.h"

namespace caxtool::ruletest {

using LabelPairs = std::vector<std::pair<std::string, std::string>>;

struct NotationError {
  size_t offset = 0;    // into the combined "series values" string
  std::string message;  // Prometheus's text, without the "1:N: parse error: " prefix
};

// Native-histogram samples of a series: (index into `values`, histogram). Repeated samples of
// `{{...}}xN` share one histogram.
using HistogramValues =
    std::vector<std::pair<size_t, std::shared_ptr<const promql::eval::FloatHistogram>>>;

struct ParsedSeries {
  LabelPairs labels;  // sorted, __name__ included
  // One entry per interval step; nullopt is an omitted (`_`) step or a histogram's step.
  std::vector<std::optional<double>> values;
  HistogramValues histograms;  // the steps holding a native histogram, in order
};

// Parses the labels then the values. Refuses more than `max_values` expanded values (a `1x1e9`
// would otherwise exhaust memory) with an error of its own. The native-histogram notation is
// read when `histograms` is set (Prometheus 2.47+); before, `{{` is the lexer's error.
std::optional<ParsedSeries> parse_series(std::string_view series, std::string_view values,
                                         NotationError& error, size_t max_values = 50'000'000,
                                         bool histograms = false);

// Parses `values` alone (offsets relative to it).
bool parse_values(std::string_view values, std::vector<std::optional<double>>& out,
                  NotationError& error, size_t max_values = 50'000'000,
                  HistogramValues* histograms = nullptr);

// A metric as `labels:` of exp_samples is written: `name{a="b"}`, `{a="b"}` or `name`.
std::optional<LabelPairs> parse_metric(std::string_view text, NotationError& error);

}  // namespace caxtool::ruletest
