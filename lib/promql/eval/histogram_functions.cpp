// SPDX-License-Identifier: Apache-2.0
// The functions over native-histogram samples: histogram_count, _sum, _avg, _stddev, _stdvar,
// _fraction and the native half of histogram_quantile, as Prometheus's functions.go and
// quantile.go compute them (log-scale interpolation in exponential buckets, linear in the zero
// bucket and in custom buckets, 0 as the bound of a zero bucket next to one-sided buckets).
// Float samples in their argument are ignored (but classic buckets by histogram_fraction, see
// classic_fraction.cpp); the results drop the metric name.
#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {
namespace {

// Go's math.Exp2 (pure Go on amd64: fdlibm's reduction and expmulti).
double go_exp2(double x) {
  constexpr double kLn2Hi = 6.93147180369123816490e-01;
  constexpr double kLn2Lo = 1.90821492927058770002e-10;
  if (std::isnan(x) || (std::isinf(x) && x > 0)) return x;
  if (std::isinf(x)) return 0;
  if (x > 1.0239999999999999e+03) return HUGE_VAL;
  if (x < -1.0740e+03) return 0;
  int k = x > 0 ? static_cast<int>(x + 0.5) : x < 0 ? static_cast<int>(x - 0.5) : 0;
  double t = x - static_cast<double>(k);
  double hi = t * kLn2Hi;
  double lo = -t * kLn2Lo;
  constexpr double kP1 = 1.66666666666666657415e-01, kP2 = -2.77777777770155933842e-03,
                   kP3 = 6.61375632143793436117e-05, kP4 = -1.65339022054652515390e-06,
                   kP5 = 4.13813679705723846039e-08;
  double r = hi - lo;
  double tt = r * r;
  double c = r - tt * (kP1 + tt * (kP2 + tt * (kP3 + tt * (kP4 + tt * kP5))));
  double y = 1 - ((lo - (r * c) / (2 - c)) - hi);
  return std::ldexp(y, k);
}

}  // namespace

std::string bucket_group_key(const Labels& l) {
  std::string key;
  for (const auto& [ln, lv] : l)
    if (ln != "le") append_key(key, ln, lv);
  return key;
}

double native_quantile(double q, const FloatHistogram& h, bool reverse_allowed) {
  if (q < 0) return -HUGE_VAL;
  if (q > 1) return HUGE_VAL;
  if (h.count == 0 || std::isnan(q)) return std::nan("");
  std::vector<FloatHistogram::Bucket> all = h.all_buckets();
  bool forward = !reverse_allowed || std::isnan(h.sum) || q < 0.5;
  double rank = forward ? q * h.count : (1 - q) * h.count;
  double count = 0;
  FloatHistogram::Bucket bucket;
  size_t n = all.size(), i = 0;
  for (; i < n; ++i) {
    bucket = all[forward ? i : n - 1 - i];
    if (bucket.count == 0) continue;
    count += bucket.count;
    if (count >= rank) break;
  }
  if (!h.custom() && bucket.lower < 0 && bucket.upper > 0) {
    if (h.negative.buckets.empty() && !h.positive.buckets.empty()) {
      bucket.lower = 0;
    } else if (h.positive.buckets.empty() && !h.negative.buckets.empty()) {
      bucket.upper = 0;
    }
  } else if (h.custom()) {
    if (bucket.lower == -HUGE_VAL) {
      if (bucket.upper <= 0) return bucket.upper;
      bucket.lower = 0;
    } else if (bucket.upper == HUGE_VAL) {
      return bucket.lower;
    }
  }
  if (count > h.count) count = h.count;
  if (count < rank) return std::isnan(h.sum) ? std::nan("") : bucket.upper;
  if (forward) {
    rank -= count - bucket.count;
  } else {
    rank = count - rank;
  }
  double fraction = rank / bucket.count;
  if (h.custom() || (bucket.lower <= 0 && bucket.upper >= 0))
    return bucket.lower + (bucket.upper - bucket.lower) * fraction;
  double log_lower = go_log2(std::fabs(bucket.lower));
  double log_upper = go_log2(std::fabs(bucket.upper));
  if (bucket.lower > 0) return go_exp2(log_lower + (log_upper - log_lower) * fraction);
  return -go_exp2(log_upper + (log_lower - log_upper) * (1 - fraction));
}

namespace {

double fraction_below(const FloatHistogram::Bucket& b, double v, bool linear) {
  if (linear) return (v - b.lower) / (b.upper - b.lower);
  double log_lower = go_log2(std::fabs(b.lower));
  double log_upper = go_log2(std::fabs(b.upper));
  double log_v = go_log2(std::fabs(v));
  if (v > 0) return (log_v - log_lower) / (log_upper - log_lower);
  return 1 - ((log_v - log_upper) / (log_lower - log_upper));
}

double native_fraction(double lower, double upper, const FloatHistogram& h) {
  if (h.count == 0 || std::isnan(lower) || std::isnan(upper)) return std::nan("");
  if (lower >= upper) return 0;
  double count = 0, rank = 0, lower_rank = 0, upper_rank = 0;
  bool lower_set = false, upper_set = false;
  std::vector<FloatHistogram::Bucket> all = h.all_buckets();
  for (FloatHistogram::Bucket b : all) {
    count += b.count;
    bool zero = false;
    if (b.lower <= 0 && b.upper >= 0) {
      zero = true;
      if (h.negative.buckets.empty() && !h.positive.buckets.empty()) {
        b.lower = 0;
      } else if (h.positive.buckets.empty() && !h.negative.buckets.empty()) {
        b.upper = 0;
      }
    }
    auto interpolate = [&](double v) {
      if (h.custom() || zero) {
        if (b.lower == -HUGE_VAL) return b.count;
        return rank + b.count * fraction_below(b, v, true);
      }
      return rank + b.count * fraction_below(b, v, false);
    };
    if (!lower_set && b.lower >= lower) {
      lower_rank = rank;
      lower_set = true;
    }
    if (!upper_set && b.lower >= upper) {
      upper_rank = rank;
      upper_set = true;
    }
    if (lower_set && upper_set) break;
    if (!lower_set && b.lower < lower && b.upper > lower) {
      lower_rank = interpolate(lower);
      lower_set = true;
    }
    if (!upper_set && b.lower < upper && b.upper > upper) {
      upper_rank = interpolate(upper);
      upper_set = true;
    }
    if (lower_set && upper_set) break;
    rank += b.count;
  }
  if (!std::isnan(h.sum)) count = h.count;
  // With NaN observations the count is what the buckets hold (all of them, summed above only
  // up to the break: finish the sum).
  if (std::isnan(h.sum)) {
    count = 0;
    for (const auto& b : all) count += b.count;
  }
  if (!lower_set || lower_rank > count) lower_rank = count;
  if (!upper_set || upper_rank > count) upper_rank = count;
  return (upper_rank - lower_rank) / h.count;
}

double native_variance(const FloatHistogram& h) {
  double mean = h.sum / h.count;
  double variance = 0, c = 0;
  for (const auto& b : h.all_buckets()) {
    if (b.count == 0) continue;
    double val;
    if (h.custom()) {
      val = (b.upper + b.lower) / 2.0;
    } else if (b.lower <= 0 && b.upper >= 0) {
      val = 0;
    } else {
      val = std::sqrt(b.upper * b.lower);
      if (b.upper < 0) val = -val;
    }
    double delta = val - mean;
    variance = kahan_inc(b.count * delta * delta, variance, c);
  }
  variance += c;
  return variance / h.count;
}

}  // namespace

bool histogram_rate(const RangeArgs& a, bool is_counter, bool is_rate, FloatHistogram& out,
                    unsigned* reconciled) {
  auto s = a.s;
  if (s.size() < 2) return false;
  for (const Sample& x : s)
    if (!x.h()) return false;  // floats and histograms mixed: Prometheus warns, returns nothing
  const FloatHistogram* prev = s[0].h();
  FloatHistogram zero;
  // A reset between the first two: the first one's layout does not matter.
  if (is_counter && s[1].h()->detect_reset(*prev)) {
    zero.schema = s[1].h()->schema;
    zero.custom_values = s[1].h()->custom_values;
    prev = &zero;
  }
  const FloatHistogram* last = s.back().h();
  if (last->custom() != prev->custom()) return false;
  int32_t min_schema = std::min(last->schema, prev->schema);
  for (size_t i = 1; i + 1 < s.size() && is_counter; ++i) {
    min_schema = std::min(min_schema, s[i].h()->schema);
    if (s[i].h()->custom() != prev->custom()) return false;
  }
  FloatHistogram h = *last;
  h.reduce_schema(min_schema);
  bool sub_rec = false, add_rec = false;
  if (!h.sub(*prev, nullptr, &sub_rec)) return false;
  if (is_counter) {
    for (size_t i = 1; i < s.size(); ++i) {
      if (s[i].h()->detect_reset(*prev) && !h.add(*prev, nullptr, &add_rec)) return false;
      prev = s[i].h();
    }
  }
  // Before 3.8 histograms with different custom bounds could not be combined.
  if ((sub_rec || add_rec) && a.version < Version{3, 8}) return false;
  if (reconciled) *reconciled = (sub_rec ? kReconciledSub : 0) | (add_rec ? kReconciledAdd : 0);
  h.hint = CounterResetHint::kGauge;
  h.compact();
  h.scale(extrapolation_factor(a, is_counter, is_rate, s[0].h()->count, h.count));
  out = std::move(h);
  return true;
}

bool Evaluator::eval_histogram_call(const Call& c, int64_t ts, Val& out) {
  std::string_view n = c.name;
  double (*simple)(const FloatHistogram&) = nullptr;
  if (n == "histogram_count") {
    simple = [](const FloatHistogram& h) { return h.count; };
  } else if (n == "histogram_sum") {
    simple = [](const FloatHistogram& h) { return h.sum; };
  } else if (n == "histogram_avg") {
    simple = [](const FloatHistogram& h) { return h.sum / h.count; };
  } else if (n == "histogram_stdvar") {
    simple = native_variance;
  } else if (n == "histogram_stddev") {
    simple = [](const FloatHistogram& h) { return std::sqrt(native_variance(h)); };
  } else if (n != "histogram_fraction") {
    return false;
  }
  double lower = 0, upper = 0;
  if (!simple) {
    lower = eval(*c.args[0], ts).scalar;
    upper = eval(*c.args[1], ts).scalar;
  }
  Val v = eval(*c.args[simple ? 0 : 2], ts);
  // histogram_fraction uses neither a native histogram nor the classic buckets of one series.
  std::unordered_set<std::string> classic;
  if (!simple) {
    for (const VSample& s : v.vec)
      if (!s.h && !label_value(*s.labels, "le").empty())
        classic.insert(bucket_group_key(*s.labels));
  }
  Vector res;
  std::unordered_set<std::string> mixed;
  for (const VSample& s : v.vec) {
    if (!s.h) continue;
    if (!classic.empty() && classic.count(bucket_group_key(*s.labels))) {
      mixed.insert(bucket_group_key(*s.labels));
      warn(
          "PromQL warning: vector contains a mix of classic and native histograms for metric "
          "name \"" +
          std::string(label_value(*s.labels, "__name__")) + "\"");
      continue;
    }
    double x = simple ? simple(*s.h) : native_fraction(lower, upper, *s.h);
    res.push_back(VSample{s.labels, x, ts, s.origin, nullptr, s.drop});
    drop_name_of(res.back());
  }
  if (!classic.empty() && opt_.version >= Version{3, 4})
    classic_fractions(lower, upper, v.vec, mixed, ts, res, delayed_names());
  out = Val::of_vector(std::move(res));
  return true;
}

}  // namespace caxtool::promql::eval::detail
