// SPDX-License-Identifier: Apache-2.0
// sum and avg over native histograms. Prometheus adds them one by one with a compensation
// histogram (KahanAdd); here every input is first brought to the group's common layout (the
// smallest schema, the zero bucket grown until no input's populated bucket straddles it), then
// each field (count, sum, zero count, every bucket index) is Kahan-summed, which gives the same
// compensated result without re-laying out the compensation on every addition. Custom bounds
// that differ are first intersected over the whole group: merging each input into the common
// bounds once equals Prometheus's pairwise reconciliation, as coarsening composes.
#include <algorithm>
#include <cmath>

#include "promql/eval/custom_buckets.h"
#include "promql/eval/internal.h"

namespace caxtool::promql::eval {

bool aggregate_histograms(const std::vector<const FloatHistogram*>& in, bool mean,
                          FloatHistogram& out, bool* reconciled) {
  if (in.empty()) return false;
  const FloatHistogram& first = *in.front();
  int32_t schema = first.schema;
  double threshold = 0;
  CounterResetHint hint = first.hint;
  // Custom bounds: those all inputs have (each input's buckets merged into them, 3.8+).
  std::vector<double> bounds = first.custom_values;
  bool mismatch = false;
  for (const FloatHistogram* h : in) {
    if (h->custom() != first.custom()) return false;
    if (h->custom() && h->custom_values != bounds) {
      bounds = intersect_custom_bounds(bounds, h->custom_values);
      mismatch = true;
    }
    schema = std::min(schema, h->schema);
    threshold = std::max(threshold, h->zero_threshold);
    if (h != in.front()) hint = FloatHistogram::combined_hint(hint, h->hint);
  }
  if (reconciled) *reconciled = mismatch;
  std::vector<FloatHistogram> hs;
  hs.reserve(in.size());
  for (const FloatHistogram* h : in) {
    hs.push_back(mismatch && h->custom_values != bounds ? with_custom_bounds(*h, bounds) : *h);
    hs.back().reduce_schema(schema);
  }
  if (!first.custom()) {
    for (bool changed = true; changed;) {
      changed = false;
      for (const FloatHistogram& h : hs) {
        double t = threshold;
        h.zero_count_for_threshold(t);
        if (t > threshold) {
          threshold = t;
          changed = true;
        }
      }
    }
    for (FloatHistogram& h : hs) h.widen_zero_bucket(threshold);
  }
  // The union of bucket indices on each side.
  auto range = [&](auto side) {
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (const FloatHistogram& h : hs) {
      const FloatHistogram::Side& s = h.*side;
      if (s.buckets.empty()) continue;
      lo = std::min<int64_t>(lo, s.offset);
      hi = std::max<int64_t>(hi, s.offset + static_cast<int64_t>(s.buckets.size()));
    }
    return std::pair{lo, hi};
  };
  // Plain variables, not structured bindings: clang 14 (the fuzz and TSan builds) cannot
  // capture those in the lambda below.
  const std::pair<int64_t, int64_t> prange = range(&FloatHistogram::positive);
  const std::pair<int64_t, int64_t> nrange = range(&FloatHistogram::negative);
  const int64_t plo = prange.first, phi = prange.second;
  const int64_t nlo = nrange.first, nhi = nrange.second;
  size_t np = phi > plo ? static_cast<size_t>(phi - plo) : 0;
  size_t nn = nhi > nlo ? static_cast<size_t>(nhi - nlo) : 0;
  size_t fields = 3 + np + nn;
  auto field = [&](const FloatHistogram& h, size_t f) -> double {
    if (f == 0) return h.count;
    if (f == 1) return h.sum;
    if (f == 2) return h.zero_count;
    auto at = [](const FloatHistogram::Side& s, int64_t idx) {
      int64_t i = idx - s.offset;
      return i >= 0 && i < static_cast<int64_t>(s.buckets.size())
                 ? s.buckets[static_cast<size_t>(i)]
                 : 0.0;
    };
    if (f < 3 + np) return at(h.positive, plo + static_cast<int64_t>(f - 3));
    return at(h.negative, nlo + static_cast<int64_t>(f - 3 - np));
  };
  std::vector<double> result(fields);
  double n = static_cast<double>(hs.size());
  for (size_t f = 0; f < fields; ++f) {
    double v = 0, c = 0;
    bool inputs_finite = true;
    for (const FloatHistogram& h : hs) {
      double x = field(h, f);
      inputs_finite = inputs_finite && !std::isinf(x);
      v = detail::kahan_inc(x, v, c);
    }
    if (!mean) {
      result[f] = std::isinf(v) ? v : v + c;
    } else if (!std::isinf(v) || !inputs_finite) {
      result[f] = v / n + c / n;
    } else {
      // The sum overflowed: an incremental mean, as Prometheus switches to.
      double m = 0, k = 0;
      c = 0;
      for (const FloatHistogram& h : hs) {
        ++k;
        m = detail::kahan_inc(field(h, f) / k - m / k, m, c);
      }
      result[f] = m + c;
    }
  }
  out = FloatHistogram{};
  out.schema = schema;
  out.zero_threshold = threshold;
  out.custom_values = std::move(bounds);
  out.hint = hint;
  out.count = result[0];
  out.sum = result[1];
  out.zero_count = result[2];
  out.positive.offset = static_cast<int32_t>(np ? plo : 0);
  out.positive.buckets.assign(result.begin() + 3, result.begin() + 3 + static_cast<ptrdiff_t>(np));
  out.negative.offset = static_cast<int32_t>(nn ? nlo : 0);
  out.negative.buckets.assign(result.begin() + 3 + static_cast<ptrdiff_t>(np), result.end());
  out.compact();
  return true;
}

namespace detail {

bool custom_bounds_reconciled(Evaluator& ev, const char* operation) {
  bool v38 = ev.options().version >= Version{3, 8};
  std::string note =
      v38 ? std::string("PromQL info: mismatched custom buckets were reconciled during ") +
                operation
          : "PromQL warning: vector contains histograms with incompatible custom buckets";
  // Once per query, as Prometheus's annotations are a set.
  if (std::find(ev.warnings.begin(), ev.warnings.end(), note) == ev.warnings.end())
    ev.warn(std::move(note));
  return v38;
}

}  // namespace detail
}  // namespace caxtool::promql::eval
