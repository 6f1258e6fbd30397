// SPDX-License-Identifier: Apache-2.0
// FloatHistogram's Add, Sub, Mul, Div and DetectReset, as Prometheus's model/histogram: the
// operands brought to one layout first (zero buckets reconciled to the larger threshold, the
// finer schema reduced to the coarser), then the dense sides added index by index; the
// counter-reset hint of the result combined as adjustCounterReset does.
#include <algorithm>
#include <string>

#include "promql/eval/custom_buckets.h"
#include "promql/eval/float_histogram.h"

namespace caxtool::promql::eval {
namespace {

// Wider sides than this are refused: a real histogram has at most a few thousand buckets, and a
// dense side spanning two offsets of the notation's int range would exhaust memory.
constexpr int64_t kMaxSideWidth = int64_t{1} << 21;

bool add_side(FloatHistogram::Side& a, const FloatHistogram::Side& b, double sign,
              std::string* error) {
  if (b.buckets.empty()) return true;
  if (a.buckets.empty()) {
    a.offset = b.offset;
    a.buckets.assign(b.buckets.size(), 0.0);
  }
  int64_t lo = std::min<int64_t>(a.offset, b.offset);
  int64_t hi = std::max<int64_t>(a.offset + static_cast<int64_t>(a.buckets.size()),
                                 b.offset + static_cast<int64_t>(b.buckets.size()));
  if (hi - lo > kMaxSideWidth) {
    if (error) *error = "histogram buckets span more than 2097152 indices";
    return false;
  }
  if (lo < a.offset || hi > a.offset + static_cast<int64_t>(a.buckets.size())) {
    std::vector<double> out(static_cast<size_t>(hi - lo), 0.0);
    std::copy(a.buckets.begin(), a.buckets.end(), out.begin() + (a.offset - lo));
    a.buckets = std::move(out);
    a.offset = static_cast<int32_t>(lo);
  }
  for (size_t i = 0; i < b.buckets.size(); ++i)
    a.buckets[static_cast<size_t>(b.offset - a.offset) + i] += sign * b.buckets[i];
  return true;
}

}  // namespace

bool FloatHistogram::combine(const FloatHistogram& o, double sign, std::string* error,
                             bool* reconciled) {
  if (custom() != o.custom()) {
    if (error)
      *error =
          "cannot apply this operation on histograms with a mix of exponential and custom bucket "
          "schemas";
    return false;
  }
  hint = combined_hint(hint, o.hint);
  if (custom() && custom_values != o.custom_values) {
    // Different custom bounds (3.8+): both sides mapped onto the bounds they share.
    std::vector<double> common = intersect_custom_bounds(custom_values, o.custom_values);
    std::vector<double> target(common.size() + 1, 0.0);
    add_to_custom_layout(target, common, *this, 1);
    add_to_custom_layout(target, common, o, sign);
    custom_values = std::move(common);
    positive = {0, std::move(target)};
    count += sign * o.count;
    sum += sign * o.sum;
    if (reconciled) *reconciled = true;
    return true;
  }
  FloatHistogram other = o;
  if (!custom()) {
    if (other.zero_threshold > zero_threshold) widen_zero_bucket(other.zero_threshold);
    double t = zero_threshold;
    double other_zc = other.zero_count_for_threshold(t);
    if (t != zero_threshold) widen_zero_bucket(t);
    other.widen_zero_bucket(zero_threshold);
    other.zero_count = other_zc;
    zero_count += sign * other.zero_count;
    if (other.schema < schema) reduce_schema(other.schema);
    other.reduce_schema(schema);
  }
  count += sign * other.count;
  sum += sign * other.sum;
  return add_side(positive, other.positive, sign, error) &&
         add_side(negative, other.negative, sign, error);
}

CounterResetHint FloatHistogram::combined_hint(CounterResetHint a, CounterResetHint b) {
  if (a == b || a == CounterResetHint::kGauge) return a;
  if (b == CounterResetHint::kGauge) return b;
  return CounterResetHint::kUnknown;
}

bool FloatHistogram::add(const FloatHistogram& o, std::string* error, bool* reconciled) {
  return combine(o, 1, error, reconciled);
}
bool FloatHistogram::sub(const FloatHistogram& o, std::string* error, bool* reconciled) {
  return combine(o, -1, error, reconciled);
}

void FloatHistogram::scale(double factor) {
  zero_count *= factor;
  count *= factor;
  sum *= factor;
  for (double& b : positive.buckets) b *= factor;
  for (double& b : negative.buckets) b *= factor;
  if (factor < 0) hint = CounterResetHint::kGauge;
}

void FloatHistogram::div(double d) {
  zero_count /= d;
  count /= d;
  sum /= d;
  if (d == 0) {  // division by zero removes all buckets
    positive = {};
    negative = {};
    return;
  }
  for (double& b : positive.buckets) b /= d;
  for (double& b : negative.buckets) b /= d;
  if (d < 0) hint = CounterResetHint::kGauge;
}

bool FloatHistogram::detect_reset(const FloatHistogram& prev) const {
  if (hint == CounterResetHint::kReset) return true;
  if (hint == CounterResetHint::kNotReset) return false;
  if (count < prev.count) return true;
  if (custom() != prev.custom()) return true;
  if (custom() && custom_values != prev.custom_values) return custom_buckets_decreased(*this, prev);
  if (schema > prev.schema) return true;
  if (zero_threshold < prev.zero_threshold) return true;
  FloatHistogram p = prev;
  double t = zero_threshold;
  double prev_zc = p.zero_count_for_threshold(t);
  if (t != zero_threshold) return true;
  if (zero_count < prev_zc) return true;
  p.widen_zero_bucket(zero_threshold);
  p.reduce_schema(schema);
  FloatHistogram cur = *this;
  for (auto [c, q] : {std::pair{&cur.positive, &p.positive}, {&cur.negative, &p.negative}}) {
    for (size_t i = 0; i < q->buckets.size(); ++i) {
      int64_t idx = q->offset + static_cast<int64_t>(i) - c->offset;
      double now = idx >= 0 && idx < static_cast<int64_t>(c->buckets.size())
                       ? c->buckets[static_cast<size_t>(idx)]
                       : 0;
      if (now < q->buckets[i]) return true;
    }
  }
  return false;
}

}  // namespace caxtool::promql::eval
