// SPDX-License-Identifier: Apache-2.0
// The range-vector functions that take native histograms besides rate/increase/delta: irate and
// idelta subtract the last two histograms (the later one alone after a reset, for irate), changes
// and resets walk floats and histograms in time order (a switch between the two counts as a
// change and as a reset; two histograms change when they differ (Equals) and reset as
// DetectReset says), sum_over_time and avg_over_time aggregate a window of histograms as sum
// and avg do, and have no result for a window mixing floats and histograms. Only windows that
// hold a histogram come here: float windows stay on functions_range.cpp's path. The other range
// functions count histogram samples (count_over_time, ts_of_last_over_time, ...), return them
// (first/last_over_time) or skip them (min_over_time, deriv, quantile_over_time, ...).
#include <cmath>

#include "promql/eval/internal.h"
#include "promql/literals.h"

namespace caxtool::promql::eval::detail {
namespace {

using promql::detail::go_quote;

// changes (`resets` false) or resets over samples of both kinds.
double count_transitions(std::span<const Sample> s, bool resets) {
  double n = 0;
  for (size_t i = 1; i < s.size(); ++i) {
    const FloatHistogram* ph = s[i - 1].h();
    const FloatHistogram* ch = s[i].h();
    if (!ph && !ch) {
      double prev = s[i - 1].v, cur = s[i].v;
      if (resets ? cur < prev : (cur != prev && !(std::isnan(cur) && std::isnan(prev)))) ++n;
    } else if (!ph || !ch) {
      ++n;
    } else if (resets ? ch->detect_reset(*ph) : !ch->equals(*ph)) {
      ++n;
    }
  }
  return n;
}

// irate (`is_rate`) or idelta from the last two samples, as instantValue: two histograms give
// their difference (unless irate sees a counter reset: then the later one), as a gauge.
WindowResult instant_histogram(std::span<const Sample> s, bool is_rate, double& out,
                               FloatHistogram& hout, unsigned* reconciled) {
  if (s.size() < 2) return WindowResult::kNone;
  const Sample &prev = s[s.size() - 2], &cur = s[s.size() - 1];
  int64_t dt = cur.t - prev.t;
  if (dt == 0) return WindowResult::kNone;
  double seconds = static_cast<double>(dt) / 1000;
  const FloatHistogram *ph = prev.h(), *ch = cur.h();
  if (!ph && !ch) {
    out = (is_rate && cur.v < prev.v) ? cur.v : cur.v - prev.v;
    if (is_rate) out /= seconds;
    return WindowResult::kFloat;
  }
  if (!ph || !ch) return WindowResult::kMixed;
  hout = *ch;
  bool rec = false;
  if ((!is_rate || !ch->detect_reset(*ph)) && !hout.sub(*ph, nullptr, &rec))
    return WindowResult::kNone;
  if (rec) *reconciled |= kReconciledSub;
  hout.hint = CounterResetHint::kGauge;
  hout.compact();
  if (is_rate) hout.div(seconds);
  return WindowResult::kHistogram;
}

}  // namespace

WindowResult histogram_window_function(std::string_view n, std::span<const Sample> s, double& out,
                                       FloatHistogram& hout, unsigned* reconciled) {
  if (n == "changes" || n == "resets") {
    if (s.empty()) return WindowResult::kNone;
    out = count_transitions(s, n == "resets");
    return WindowResult::kFloat;
  }
  if (n == "irate" || n == "idelta")
    return instant_histogram(s, n == "irate", out, hout, reconciled);
  if (n != "sum_over_time" && n != "avg_over_time") return WindowResult::kNotHandled;
  std::vector<const FloatHistogram*> hs;
  hs.reserve(s.size());
  for (const Sample& x : s) {
    const FloatHistogram* h = x.h();
    if (!h) return WindowResult::kMixed;
    hs.push_back(h);
  }
  // Exponential and custom buckets mixed: no result either.
  bool rec = false;
  if (!aggregate_histograms(hs, n == "avg_over_time", hout, &rec)) return WindowResult::kNone;
  if (rec) *reconciled |= kReconciledAgg;
  return WindowResult::kHistogram;
}

bool Evaluator::histogram_window(std::string_view n, RangeArgs& a, double& r,
                                 const FloatHistogram*& h, std::string_view metric) {
  if ((n == "last_over_time" || n == "first_over_time") &&
      (h = (n == "last_over_time" ? a.s.back() : a.s.front()).h()) != nullptr)
    return true;  // the histogram itself
  // Functions that count samples or read their times take histograms as they are.
  if (n == "last_over_time" || n == "first_over_time" || n == "count_over_time" ||
      n == "present_over_time" || n == "ts_of_last_over_time" || n == "ts_of_first_over_time")
    return range_function(n, a, r);
  FloatHistogram res;
  unsigned rec = 0;
  WindowResult w = histogram_window_function(n, a.s, r, res, &rec);
  // Differing custom bounds reconciled: 3.8+ notes it, earlier versions have no result.
  if (((rec & kReconciledSub) && !custom_bounds_reconciled(*this, "subtraction")) ||
      ((rec & kReconciledAgg) && !custom_bounds_reconciled(*this, "aggregation")))
    return false;
  switch (w) {
    case WindowResult::kNone:
      return false;
    case WindowResult::kMixed:
      warn("PromQL warning: encountered a mix of histograms and floats for metric name " +
           go_quote(metric));
      return false;
    case WindowResult::kFloat:
      return true;
    case WindowResult::kHistogram:
      h = keep(std::move(res));
      return true;
    case WindowResult::kNotHandled:
      break;
  }
  // The others ignore histogram samples.
  std::vector<Sample> floats;
  for (const Sample& x : a.s)
    if (!x.h()) floats.push_back(x);
  if (floats.empty()) return false;
  warn(
      "PromQL info: ignored histograms in a range containing both floats and histograms for "
      "metric name " +
      go_quote(metric));
  auto whole = a.s;
  a.s = floats;
  bool has = range_function(n, a, r);
  a.s = whole;
  return has;
}

}  // namespace caxtool::promql::eval::detail
