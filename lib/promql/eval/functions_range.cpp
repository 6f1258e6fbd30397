// SPDX-License-Identifier: Apache-2.0
// The functions of a range vector, one series at a time: rate/increase/delta with Prometheus's
// extrapolation (extrapolatedRate), irate/idelta, deriv and predict_linear (least squares with
// Kahan sums), holt_winters / double_exponential_smoothing, changes/resets and *_over_time.
#include <algorithm>
#include <cmath>
#include <limits>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {

double extrapolation_factor(const RangeArgs& a, bool is_counter, bool is_rate, double first,
                            double result) {
  auto s = a.s;
  double to_start = static_cast<double>(s.front().t - a.range_start) / 1000;
  double to_end = static_cast<double>(a.range_end - s.back().t) / 1000;
  double sampled = static_cast<double>(s.back().t - s.front().t) / 1000;
  double avg_between = sampled / static_cast<double>(s.size() - 1);
  if (a.version >= Version{2, 51}) {
    // 2.51 first limits the extrapolation to half an interval, then cuts it at the zero point.
    double threshold = avg_between * 1.1;
    if (to_start >= threshold) to_start = avg_between / 2;
    if (is_counter && result > 0 && first >= 0) {
      double to_zero = sampled * (first / result);
      if (to_zero < to_start) to_start = to_zero;
    }
    if (to_end >= threshold) to_end = avg_between / 2;
    double factor = (sampled + to_start + to_end) / sampled;
    if (is_rate) factor /= static_cast<double>(a.range_ms) / 1000;
    return factor;
  }
  if (is_counter && result > 0 && first >= 0) {
    // A counter cannot go below zero: extrapolate at most to where it would have been zero.
    double to_zero = sampled * (first / result);
    if (to_zero < to_start) to_start = to_zero;
  }
  double threshold = avg_between * 1.1;
  double interval = sampled;
  interval += to_start < threshold ? to_start : avg_between / 2;
  interval += to_end < threshold ? to_end : avg_between / 2;
  double factor = interval / sampled;
  if (is_rate) factor /= static_cast<double>(a.range_ms) / 1000;
  return factor;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool extrapolated_rate(const RangeArgs& a, bool is_counter, bool is_rate, double& out) {
  auto s = a.s;
  if (s.size() < 2) return false;
  double result = s.back().v - s.front().v;
  if (is_counter) {
    double prev = s.front().v;
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i].v < prev) result += prev;
      prev = s[i].v;
    }
  }
  out = result * extrapolation_factor(a, is_counter, is_rate, s.front().v, result);
  return true;
}

bool instant_value(const RangeArgs& a, bool is_rate, double& out) {
  auto s = a.s;
  if (s.size() < 2) return false;
  const Sample& last = s[s.size() - 1];
  const Sample& prev = s[s.size() - 2];
  double r = (is_rate && last.v < prev.v) ? last.v : last.v - prev.v;
  int64_t dt = last.t - prev.t;
  if (dt == 0) return false;
  if (is_rate) r /= static_cast<double>(dt) / 1000;
  out = r;
  return true;
}

void linear_regression(std::span<const Sample> s, int64_t intercept_time, double& slope,
                       double& intercept) {
  double n = 0, sum_x = 0, cx = 0, sum_y = 0, cy = 0, sum_xy = 0, cxy = 0, sum_x2 = 0, cx2 = 0;
  double init_y = s[0].v;
  bool const_y = true;
  for (size_t i = 0; i < s.size(); ++i) {
    if (const_y && i > 0 && s[i].v != init_y) const_y = false;
    n += 1;
    double x = static_cast<double>(s[i].t - intercept_time) / 1e3;
    sum_x = kahan_inc(x, sum_x, cx);
    sum_y = kahan_inc(s[i].v, sum_y, cy);
    sum_xy = kahan_inc(x * s[i].v, sum_xy, cxy);
    sum_x2 = kahan_inc(x * x, sum_x2, cx2);
  }
  if (const_y) {
    if (std::isinf(init_y)) {
      slope = intercept = kNaN;
    } else {
      slope = 0;
      intercept = init_y;
    }
    return;
  }
  sum_x += cx;
  sum_y += cy;
  sum_xy += cxy;
  sum_x2 += cx2;
  double cov_xy = sum_xy - sum_x * sum_y / n;
  double var_x = sum_x2 - sum_x * sum_x / n;
  slope = cov_xy / var_x;
  intercept = sum_y / n - slope * sum_x / n;
}

std::string go_float_f(double v) {
  char b[64];
  std::snprintf(b, sizeof b, "%f", v);
  return b;
}

double holt_winters(std::span<const Sample> s, double sf, double tf) {
  double s0 = 0, s1 = s[0].v, b = s[1].v - s[0].v;
  for (size_t i = 1; i < s.size(); ++i) {
    double x = sf * s[i].v;
    if (i - 1 != 0) b = tf * (s1 - s0) + (1 - tf) * b;
    double y = (1 - sf) * (s1 + b);
    s0 = s1;
    s1 = x + y;
  }
  return s1;
}

double avg_over(std::span<const Sample> s) {
  double mean = 0, c = 0, count = 0;
  for (const auto& x : s) {
    count++;
    if (std::isinf(mean)) {
      if (std::isinf(x.v) && (mean > 0) == (x.v > 0)) continue;
      if (!std::isinf(x.v) && !std::isnan(x.v)) continue;
    }
    mean = kahan_inc(x.v / count - mean / count, mean, c);
  }
  return std::isinf(mean) ? mean : mean + c;
}

double stdvar_over(std::span<const Sample> s) {
  double count = 0, mean = 0, cmean = 0, aux = 0, caux = 0;
  for (const auto& x : s) {
    count++;
    double delta = x.v - (mean + cmean);
    mean = kahan_inc(delta / count, mean, cmean);
    aux = kahan_inc(delta * (x.v - (mean + cmean)), aux, caux);
  }
  return (aux + caux) / count;
}

}  // namespace

bool is_range_function(std::string_view n) {
  static const std::string_view kNames[] = {"rate",
                                            "increase",
                                            "delta",
                                            "irate",
                                            "idelta",
                                            "deriv",
                                            "predict_linear",
                                            "holt_winters",
                                            "double_exponential_smoothing",
                                            "changes",
                                            "resets",
                                            "avg_over_time",
                                            "count_over_time",
                                            "sum_over_time",
                                            "min_over_time",
                                            "max_over_time",
                                            "last_over_time",
                                            "present_over_time",
                                            "quantile_over_time",
                                            "stddev_over_time",
                                            "stdvar_over_time",
                                            "absent_over_time",
                                            "first_over_time",
                                            "mad_over_time",
                                            "ts_of_min_over_time",
                                            "ts_of_max_over_time",
                                            "ts_of_last_over_time",
                                            "ts_of_first_over_time"};
  return std::find(std::begin(kNames), std::end(kNames), n) != std::end(kNames);
}

bool range_function(std::string_view n, const RangeArgs& a, double& out) {
  auto s = a.s;
  if (s.empty()) return false;
  if (n == "rate") return extrapolated_rate(a, true, true, out);
  if (n == "increase") return extrapolated_rate(a, true, false, out);
  if (n == "delta") return extrapolated_rate(a, false, false, out);
  if (n == "irate") return instant_value(a, true, out);
  if (n == "idelta") return instant_value(a, false, out);
  if (n == "deriv" || n == "predict_linear") {
    if (s.size() < 2) return false;
    double slope, intercept;
    if (n == "deriv") {
      linear_regression(s, s[0].t, slope, intercept);
      out = slope;
    } else {
      linear_regression(s, a.ts, slope, intercept);
      out = slope * a.p1 + intercept;
    }
    return true;
  }
  if (n == "holt_winters" || n == "double_exponential_smoothing") {
    if (a.p1 <= 0 || a.p1 >= 1)
      fail("invalid smoothing factor. Expected: 0 < sf < 1, got: " + go_float_f(a.p1));
    if (a.p2 <= 0 || a.p2 >= 1)
      fail("invalid trend factor. Expected: 0 < tf < 1, got: " + go_float_f(a.p2));
    if (s.size() < 2) return false;
    out = holt_winters(s, a.p1, a.p2);
    return true;
  }
  if (n == "changes" || n == "resets") {
    double count = 0;
    for (size_t i = 1; i < s.size(); ++i) {
      double prev = s[i - 1].v, cur = s[i].v;
      if (n == "resets" ? cur < prev : (cur != prev && !(std::isnan(cur) && std::isnan(prev))))
        count++;
    }
    out = count;
    return true;
  }
  if (n == "avg_over_time") {
    if (a.version.major >= 3) {
      KahanMean m;
      for (const auto& x : s) m.add(x.v);
      out = m.result();
    } else {
      out = avg_over(s);
    }
  } else if (n == "count_over_time") {
    out = static_cast<double>(s.size());
  } else if (n == "sum_over_time") {
    // (Kahan summation here since 2.x; 2.42 has it too.)
    double sum = 0, c = 0;
    for (const auto& x : s) sum = kahan_inc(x.v, sum, c);
    out = std::isinf(sum) ? sum : sum + c;
  } else if (n == "min_over_time" || n == "max_over_time") {
    bool is_max = n == "max_over_time";
    double m = s[0].v;
    for (const auto& x : s)
      if ((is_max ? x.v > m : x.v < m) || std::isnan(m)) m = x.v;
    out = m;
  } else if (n == "last_over_time") {
    out = s.back().v;
  } else if (n == "first_over_time") {
    out = s.front().v;
  } else if (n == "present_over_time") {
    out = 1;
  } else if (n == "quantile_over_time") {
    std::vector<double> vals;
    vals.reserve(s.size());
    for (const auto& x : s) vals.push_back(x.v);
    out = quantile_of(a.p1, vals);
  } else if (n == "stddev_over_time") {
    out = std::sqrt(stdvar_over(s));
  } else if (n == "stdvar_over_time") {
    out = stdvar_over(s);
  } else if (n == "mad_over_time") {
    std::vector<double> vals;
    for (const auto& x : s) vals.push_back(x.v);
    bool has_nan = std::any_of(vals.begin(), vals.end(), [](double v) { return std::isnan(v); });
    if (has_nan && a.version >= Version{3, 14}) {
      out = kNaN;
      return true;
    }
    double med = quantile_of(0.5, vals);
    for (auto& v : vals) v = std::fabs(v - med);
    out = quantile_of(0.5, vals);
  } else if (n == "ts_of_last_over_time") {
    out = static_cast<double>(s.back().t) / 1000;
  } else if (n == "ts_of_first_over_time") {
    out = static_cast<double>(s.front().t) / 1000;
  } else if (n == "ts_of_min_over_time" || n == "ts_of_max_over_time") {
    bool is_max = n == "ts_of_max_over_time";
    double m = s[0].v;
    int64_t t = s[0].t;
    for (const auto& x : s)
      if ((is_max ? x.v >= m : x.v <= m) || std::isnan(m)) {
        m = x.v;
        t = x.t;
      }
    out = static_cast<double>(t) / 1000;
  } else {
    return false;
  }
  return true;
}

}  // namespace caxtool::promql::eval::detail
