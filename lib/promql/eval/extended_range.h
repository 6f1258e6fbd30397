// SPDX-License-Identifier: Apache-2.0
// What the two files of the extended range selectors (`anchored`, `smoothed`; 3.7+ behind
// --enable-feature=promql-extended-range-selectors) share: the boundary arithmetic of
// Prometheus's extendedRate / extendFloats / smoothSeries, for floats (extended_range.cpp) and
// for native histograms (extended_histogram.cpp). The windows these read are wider than the
// range: they reach one lookback delta before its start (both modifiers) and one after its end
// (`smoothed`), so the value at each boundary can be picked or interpolated.
#pragma once

#include <optional>
#include <span>
#include <string>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail::extended {

// The first index in [0, n) for which `pred` holds, else n (Go's sort.Search).
template <typename Pred>
size_t search(size_t n, Pred pred) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (pred(mid)) {
      hi = mid;
    } else {
      lo = mid + 1;
    }
  }
  return lo;
}

// The samples of a window that bound a range (start, end]: `first` is the last sample at or
// before the start (or 0), `last` the last sample (`smoothed`: the first at or after the end).
// Nothing when no sample lies after the start (or, smoothed, none at or before the end).
struct Bounds {
  size_t first = 0, last = 0;
};
std::optional<Bounds> bounds(std::span<const Sample> s, int64_t start, int64_t end, bool smoothed);

// Linear interpolation of p1..p2 at t; a counter that dropped restarts from zero.
double interpolate(const Sample& p1, const Sample& p2, int64_t t, bool counter);

// The samples of `ss` in (lo, hi], staleness markers dropped (matrixIterSlice).
std::vector<Sample> window(const StoredSeries& ss, int64_t lo, int64_t hi);

// Go's time.Duration.Seconds() of a duration in milliseconds.
double seconds(int64_t ms);

// extendedHistogramRate: rate/increase/delta of a window of histograms over (start, end];
// nothing (with `warning` set when Prometheus warns) when it has no result.
struct HistogramRate {
  bool ok = false;
  FloatHistogram h;
  std::vector<std::string> warnings;
  bool reconciled_sub = false, reconciled_add = false;
};
HistogramRate histogram_rate(std::span<const Sample> s, int64_t start, int64_t end,
                             int64_t range_ms, bool smoothed, bool counter, bool rate,
                             std::string_view metric);

// The histogram of a smoothed instant selector at `t` (smoothSeries): the sample at t, the
// interpolation of its neighbours, or the last one before t; nothing (and maybe a warning)
// otherwise. `s` holds histograms only.
std::optional<FloatHistogram> smoothed_histogram(std::span<const Sample> s, int64_t t,
                                                 std::string_view metric,
                                                 std::vector<std::string>& warnings);

}  // namespace caxtool::promql::eval::detail::extended
