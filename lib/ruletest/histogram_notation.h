// SPDX-License-Identifier: Apache-2.0
// The native-histogram notation of the series description (Prometheus 2.47+):
// `{{schema:0 sum:5 count:4 z_bucket:1 z_bucket_w:0.001 buckets:[1 2 1] offset:1
// n_buckets:[1] n_offset:0 custom_values:[...] counter_reset_hint:gauge}}`, as promqltest and
// promtool's input_series and exp_samples' `histogram:` read it. Series expansion (`{{..}}x3`,
// `{{..}}+{{..}}x3`) is series.cpp's; this reads one `{{...}}`.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "promql/eval/float_histogram.h"

namespace caxtool::ruletest {

struct HistogramParse {
  promql::eval::FloatHistogram h;
  size_t end = 0;  // the offset just after the closing }}
};

// Reads the `{{...}}` starting at `text[pos]`. On error returns nullopt with `error_at` (an
// offset into `text`) and `error`.
std::optional<HistogramParse> parse_histogram(std::string_view text, size_t pos, size_t& error_at,
                                              std::string& error);

// One `{{...}}` and nothing else (an exp_samples `histogram:` value).
std::optional<promql::eval::FloatHistogram> parse_single_histogram(std::string_view text,
                                                                   std::string& error);

}  // namespace caxtool::ruletest
