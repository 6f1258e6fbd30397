// SPDX-License-Identifier: Apache-2.0
// Custom-bucket (NHCB) layouts: the intersection of two bound sets and the mapping of buckets
// onto it, which is how Prometheus 3.8+ (model/histogram's addCustomBucketsWithMismatches and
// detectResetWithMismatchedCustomBounds) combines histograms whose custom bounds differ: a
// bucket merges into the coarser common bucket that covers it. Also the classic-to-NHCB
// conversion of util/convertnhcb (TempHistogram), used by promqltest's load_with_nhcb.
#include "promql/eval/custom_buckets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace caxtool::promql::eval {
namespace {

// Go's %g, as the messages of convertnhcb print numbers.
std::string fmt_g(double v) {
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  if (std::isnan(v)) return "NaN";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

std::vector<double> intersect_custom_bounds(const std::vector<double>& a,
                                            const std::vector<double>& b) {
  std::vector<double> out;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i] == b[j]) {
      out.push_back(a[i]);
      ++i;
      ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return out;
}

void add_to_custom_layout(std::vector<double>& target, const std::vector<double>& bounds,
                          const FloatHistogram& h, double sign) {
  const auto& src = h.custom_values;
  size_t t = 0;  // both lists ascend: the search resumes where the last bucket's ended
  for (size_t i = 0; i < h.positive.buckets.size(); ++i) {
    int64_t idx = int64_t{h.positive.offset} + static_cast<int64_t>(i);
    size_t dest = bounds.size();  // +Inf
    if (idx < static_cast<int64_t>(src.size())) {
      double upper = src[static_cast<size_t>(std::max<int64_t>(idx, 0))];
      while (t < bounds.size() && bounds[t] < upper) ++t;
      if (t < bounds.size()) dest = t;
    }
    target[dest] += sign * h.positive.buckets[i];
  }
}

FloatHistogram with_custom_bounds(const FloatHistogram& h, const std::vector<double>& bounds) {
  FloatHistogram out = h;
  out.custom_values = bounds;
  out.positive.offset = 0;
  out.positive.buckets.assign(bounds.size() + 1, 0.0);
  add_to_custom_layout(out.positive.buckets, bounds, h, 1);
  return out;
}

bool custom_buckets_decreased(const FloatHistogram& cur, const FloatHistogram& prev) {
  std::vector<double> common = intersect_custom_bounds(cur.custom_values, prev.custom_values);
  std::vector<double> c(common.size() + 1, 0.0), p(common.size() + 1, 0.0);
  add_to_custom_layout(c, common, cur, 1);
  add_to_custom_layout(p, common, prev, 1);
  for (size_t i = 0; i < c.size(); ++i)
    if (c[i] < p[i]) return true;
  return false;
}

void ClassicHistogram::set_bucket(double le, double cumulative_count) {
  if (!error_.empty()) return;
  if (std::isnan(le)) {
    error_ = "bucket boundary must not be NaN";
    return;
  }
  if (cumulative_count < 0) {
    error_ =
        "bucket count must be non-negative: le=" + fmt_g(le) + ", count=" + fmt_g(cumulative_count);
    return;
  }
  auto not_cumulative = [&](double a, const char* op, double b) {
    error_ = "count is not cumulative: " + fmt_g(a) + " " + op + " " + fmt_g(b);
  };
  // Series usually come in le order; a duplicate le keeps the first count.
  if (buckets_.empty() || buckets_.back().le < le) {
    if (!buckets_.empty() && cumulative_count < buckets_.back().count)
      return not_cumulative(cumulative_count, "<", buckets_.back().count);
    buckets_.push_back({le, cumulative_count});
    return;
  }
  auto it = std::lower_bound(buckets_.begin(), buckets_.end(), le,
                             [](const Le& b, double v) { return b.le < v; });
  if (it->le == le) return;
  if (it != buckets_.begin() && cumulative_count < std::prev(it)->count)
    return not_cumulative(cumulative_count, "<", std::prev(it)->count);
  if (cumulative_count > it->count) return not_cumulative(cumulative_count, ">", it->count);
  buckets_.insert(it, {le, cumulative_count});
}

void ClassicHistogram::set_count(double count) {
  if (!error_.empty()) return;
  if (count < 0) {
    error_ = "count must be non-negative: count=" + fmt_g(count);
    return;
  }
  count_ = count;
  has_count_ = true;
}

std::optional<FloatHistogram> ClassicHistogram::convert(std::string& error) const {
  if (!error_.empty()) {
    error = error_;
    return std::nullopt;
  }
  std::vector<Le> b = buckets_;
  double count = count_;
  if (!has_count_ && !b.empty()) count = b.back().count;
  if (b.empty() || b.back().le != HUGE_VAL) b.push_back({HUGE_VAL, count});
  // Prometheus makes an integer histogram when every count is whole, else a float one; read
  // back as floats they are the same but for the message of a count mismatch.
  if (count != b.back().count) {
    error = "count mismatch: count=" + fmt_g(count) + " != le=" + fmt_g(b.back().le) +
            " count=" + fmt_g(b.back().count);
    return std::nullopt;
  }
  FloatHistogram h;
  h.schema = FloatHistogram::kCustomBucketsSchema;
  h.count = count;
  h.sum = sum_;
  double prev = 0;
  for (const Le& x : b) {
    h.positive.buckets.push_back(x.count - prev);
    prev = x.count;
    if (x.le != HUGE_VAL) h.custom_values.push_back(x.le);
  }
  h.compact();
  return h;
}

}  // namespace caxtool::promql::eval
