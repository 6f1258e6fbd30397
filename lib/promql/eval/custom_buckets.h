// SPDX-License-Identifier: Apache-2.0
// Native histograms with custom buckets (NHCB, schema -53) beyond one fixed layout: bringing
// histograms with different custom bounds to their common (intersected) bounds, as Prometheus
// 3.8+ reconciles them when adding, subtracting, aggregating or detecting counter resets; and
// building an NHCB from the series of a classic histogram (`x_bucket{le=...}`, `x_count`,
// `x_sum`), as Prometheus's convertnhcb.TempHistogram does for load_with_nhcb and for scrapes
// with convert_classic_histograms_to_nhcb.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "promql/eval/float_histogram.h"

namespace caxtool::promql::eval {

// The bounds present in both ascending lists (empty when either is: only +Inf is common).
std::vector<double> intersect_custom_bounds(const std::vector<double>& a,
                                            const std::vector<double>& b);

// Adds `sign` times each positive bucket of the custom-bucket histogram `h` into `target`
// (bounds.size() + 1 dense counts, the last one +Inf's): a bucket goes to the first bound of
// `bounds` not below its own upper bound, else to +Inf. `bounds` is a subset of h's.
void add_to_custom_layout(std::vector<double>& target, const std::vector<double>& bounds,
                          const FloatHistogram& h, double sign);

// `h` (custom buckets) laid out on `bounds`, a subset of its own; count and sum unchanged.
FloatHistogram with_custom_bounds(const FloatHistogram& h, const std::vector<double>& bounds);

// DetectReset's comparison of histograms with different custom bounds: whether any bucket of
// `prev`, both mapped to the intersected bounds, holds more than the same bucket of `cur`.
bool custom_buckets_decreased(const FloatHistogram& cur, const FloatHistogram& prev);

// One classic histogram at one timestamp, collected series by series (TempHistogram): bucket
// counts by `le` in any order, the count and the sum. The first error sticks.
class ClassicHistogram {
 public:
  void set_bucket(double le, double cumulative_count);
  void set_count(double count);
  void set_sum(double sum) {
    if (error_.empty()) sum_ = sum;
  }
  // The NHCB: bounds from the le values (+Inf added with the count when absent, the count
  // taken from the highest bucket when absent), per-bucket counts from the cumulative ones.
  // nullopt with `error` when the buckets are not cumulative, a count is negative, or the
  // count differs from the +Inf bucket's.
  std::optional<FloatHistogram> convert(std::string& error) const;

 private:
  struct Le {
    double le, count;
  };
  std::vector<Le> buckets_;
  double count_ = 0, sum_ = 0;
  bool has_count_ = false;
  std::string error_;
};

}  // namespace caxtool::promql::eval
