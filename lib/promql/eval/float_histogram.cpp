// SPDX-License-Identifier: Apache-2.0
// FloatHistogram's layout as Prometheus's model/histogram has it, on dense sides: bucket bounds
// of a schema, reduction to a coarser schema (index i goes to ((i-1) >> d) + 1), the zero
// bucket widened to a larger threshold, compaction and TestExpression. Kept exact where
// promtool's answers depend on it (bounds are powers of two scaled by the correctly rounded
// 2^(k/2^schema)). The arithmetic is float_histogram_math.cpp's.
#include "promql/eval/float_histogram.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <limits>

#include "promql/eval/engine.h"

namespace caxtool::promql::eval {
namespace {

int32_t target_index(int32_t idx, int32_t delta) {
  return static_cast<int32_t>(((int64_t{idx} - 1) >> delta) + 1);
}

void reduce_side(FloatHistogram::Side& s, int32_t delta) {
  if (s.buckets.empty() || delta <= 0) return;
  int32_t first = target_index(s.offset, delta);
  int32_t last = target_index(s.offset + static_cast<int32_t>(s.buckets.size()) - 1, delta);
  std::vector<double> out(static_cast<size_t>(last - first + 1), 0.0);
  for (size_t i = 0; i < s.buckets.size(); ++i) {
    int32_t t = target_index(s.offset + static_cast<int32_t>(i), delta);
    out[static_cast<size_t>(t - first)] += s.buckets[i];
  }
  s.offset = first;
  s.buckets = std::move(out);
}

void trim(FloatHistogram::Side& s) {
  size_t first = 0;
  while (first < s.buckets.size() && s.buckets[first] == 0) ++first;
  size_t last = s.buckets.size();
  while (last > first && s.buckets[last - 1] == 0) --last;
  if (first == last) {
    s = {};
    return;
  }
  s.buckets = std::vector<double>(s.buckets.begin() + static_cast<ptrdiff_t>(first),
                                  s.buckets.begin() + static_cast<ptrdiff_t>(last));
  s.offset += static_cast<int32_t>(first);
}

// The correctly rounded 2^(k / 2^schema) / 2 of Prometheus's exponentialBounds table.
double exponential_frac(int32_t k, int32_t schema) {
  long double e = static_cast<long double>(k) / static_cast<long double>(int64_t{1} << schema);
  return static_cast<double>(std::exp2l(e) / 2.0L);
}

}  // namespace

double FloatHistogram::bound(int32_t idx) const {
  if (custom()) {
    auto n = static_cast<int32_t>(custom_values.size());
    if (idx == n) return HUGE_VAL;
    if (idx == -1) return -HUGE_VAL;
    if (idx < -1 || idx > n) return std::numeric_limits<double>::quiet_NaN();
    return custom_values[static_cast<size_t>(idx)];
  }
  if (schema < 0) {
    int64_t exp = static_cast<int64_t>(idx) * (int64_t{1} << -schema);
    if (exp == 1024) return DBL_MAX;
    if (exp > 2000) return HUGE_VAL;
    if (exp < -2000) return 0;
    return std::ldexp(1.0, static_cast<int>(exp));
  }
  int32_t frac_idx = idx & ((1 << schema) - 1);
  double frac = exponential_frac(frac_idx, schema);
  int32_t exp = (idx >> schema) + 1;
  if (frac == 0.5 && exp == 1025) return DBL_MAX;
  return std::ldexp(frac, exp);
}

std::vector<FloatHistogram::Bucket> FloatHistogram::all_buckets() const {
  std::vector<Bucket> out;
  out.reserve(negative.buckets.size() + positive.buckets.size() + 1);
  for (size_t i = negative.buckets.size(); i-- > 0;) {
    int32_t idx = negative.offset + static_cast<int32_t>(i);
    Bucket b{-bound(idx), -bound(idx - 1), negative.buckets[i]};
    if (b.upper < 0 && b.upper > -zero_threshold) b.upper = -zero_threshold;
    if (b.lower > 0 && b.lower < zero_threshold) b.lower = zero_threshold;
    out.push_back(b);
  }
  if (zero_count > 0 && !custom()) out.push_back({-zero_threshold, zero_threshold, zero_count});
  for (size_t i = 0; i < positive.buckets.size(); ++i) {
    int32_t idx = positive.offset + static_cast<int32_t>(i);
    Bucket b{bound(idx - 1), bound(idx), positive.buckets[i]};
    if (!custom()) {
      if (b.lower > 0 && b.lower < zero_threshold) b.lower = zero_threshold;
      if (b.upper < 0 && b.upper > -zero_threshold) b.upper = -zero_threshold;
    }
    out.push_back(b);
  }
  return out;
}

void FloatHistogram::reduce_schema(int32_t target) {
  if (custom() || target >= schema) return;
  reduce_side(positive, schema - target);
  reduce_side(negative, schema - target);
  schema = target;
}

double FloatHistogram::zero_count_for_threshold(double& threshold) const {
  if (threshold == zero_threshold) return zero_count;
  while (true) {
    double zc = zero_count;
    for (size_t i = 0; i < positive.buckets.size(); ++i) {
      int32_t idx = positive.offset + static_cast<int32_t>(i);
      double lower = bound(idx - 1), upper = bound(idx);
      if (lower >= threshold) break;
      zc += positive.buckets[i];
      if (upper > threshold) {
        if (positive.buckets[i] != 0) threshold = upper;
        break;
      }
    }
    bool again = false;
    for (size_t i = 0; i < negative.buckets.size(); ++i) {
      int32_t idx = negative.offset + static_cast<int32_t>(i);
      double lower = -bound(idx), upper = -bound(idx - 1);
      if (upper <= -threshold) break;
      zc += negative.buckets[i];
      if (lower < -threshold) {
        if (negative.buckets[i] != 0) {
          threshold = -lower;
          again = true;
        }
        break;
      }
    }
    if (!again) return zc;
  }
}

void FloatHistogram::widen_zero_bucket(double threshold) {
  if (custom() || threshold <= zero_threshold) return;
  zero_count = zero_count_for_threshold(threshold);
  zero_threshold = threshold;
  // trimBucketsInZeroBucket: what the zero bucket now holds leaves the sides.
  for (size_t i = 0; i < positive.buckets.size(); ++i) {
    if (bound(positive.offset + static_cast<int32_t>(i) - 1) >= threshold) break;
    positive.buckets[i] = 0;
  }
  for (size_t i = 0; i < negative.buckets.size(); ++i) {
    if (-bound(negative.offset + static_cast<int32_t>(i) - 1) <= -threshold) break;
    negative.buckets[i] = 0;
  }
  trim(positive);
  trim(negative);
}

void FloatHistogram::compact() {
  trim(positive);
  trim(negative);
}

std::string FloatHistogram::test_expression() const {
  FloatHistogram m = *this;
  m.compact();
  std::vector<std::string> parts;
  if (m.schema != 0) parts.push_back("schema:" + std::to_string(m.schema));
  if (m.count != 0) parts.push_back("count:" + format_value(m.count));
  if (m.sum != 0) parts.push_back("sum:" + format_value(m.sum));
  if (m.zero_count != 0) parts.push_back("z_bucket:" + format_value(m.zero_count));
  if (m.zero_threshold != 0) parts.push_back("z_bucket_w:" + format_value(m.zero_threshold));
  auto list = [](const std::vector<double>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? " " : "") + format_value(v[i]);
    return s + "]";
  };
  if (m.custom()) parts.push_back("custom_values:" + list(m.custom_values));
  static const char* kHints[] = {nullptr, "counter_reset_hint:reset",
                                 "counter_reset_hint:not_reset", "counter_reset_hint:gauge"};
  if (const char* h = kHints[static_cast<int>(m.hint)]) parts.emplace_back(h);
  auto side = [&](const Side& s, const char* buckets, const char* offset) {
    if (s.buckets.empty()) return;
    if (s.offset != 0) parts.push_back(std::string(offset) + ":" + std::to_string(s.offset));
    parts.push_back(std::string(buckets) + ":" + list(s.buckets));
  };
  side(m.positive, "buckets", "offset");
  side(m.negative, "n_buckets", "n_offset");
  std::string out = "{{";
  for (size_t i = 0; i < parts.size(); ++i) out += (i ? " " : "") + parts[i];
  return out + "}}";
}

}  // namespace caxtool::promql::eval
