// SPDX-License-Identifier: Apache-2.0
// Binary operators with a native histogram on either side, apart from binary.cpp's float paths:
// what Prometheus's vectorElemBinop computes (a scaled, divided, trimmed, summed or subtracted
// histogram, or an exact comparison of two) and the info annotation for the pairings it drops.
// The comparison is FloatHistogram.Equals (also what changes() counts): every field bit for bit
// and the bucket layouts once compacted; the sides here are dense, so empty buckets at either
// end (which a compacted histogram does not hold) are skipped and the populated ranges compared
// by index. Also FloatHistogram.String(), the label value count_values gives a histogram.
#include <bit>
#include <cmath>
#include <cstdint>
#include <string>

#include "promql/eval/engine.h"
#include "promql/eval/float_histogram.h"
#include "promql/eval/internal.h"

namespace caxtool::promql::eval {
namespace {

bool same_bits(double a, double b) {
  return std::bit_cast<uint64_t>(a) == std::bit_cast<uint64_t>(b);
}

// The populated range of a side: [first, last) into its buckets.
void populated(const FloatHistogram::Side& s, size_t& first, size_t& last) {
  first = 0;
  last = s.buckets.size();
  while (first < last && s.buckets[first] == 0) ++first;
  while (last > first && s.buckets[last - 1] == 0) --last;
}

bool sides_equal(const FloatHistogram::Side& a, const FloatHistogram::Side& b) {
  size_t af, al, bf, bl;
  populated(a, af, al);
  populated(b, bf, bl);
  if (al - af != bl - bf) return false;
  if (al == af) return true;
  if (a.offset + static_cast<int64_t>(af) != b.offset + static_cast<int64_t>(bf)) return false;
  for (size_t i = 0; i < al - af; ++i) {
    double x = a.buckets[af + i], y = b.buckets[bf + i];
    // A compacted histogram holds no empty bucket, so an empty one inside the range is a gap
    // on both sides or on neither.
    if ((x == 0) != (y == 0)) return false;
    if (x != 0 && !same_bits(x, y)) return false;
  }
  return true;
}

}  // namespace

bool FloatHistogram::equals(const FloatHistogram& o) const {
  if (schema != o.schema || !same_bits(count, o.count) || !same_bits(sum, o.sum)) return false;
  if (custom() && custom_values != o.custom_values) return false;
  if (zero_threshold != o.zero_threshold || !same_bits(zero_count, o.zero_count)) return false;
  return sides_equal(negative, o.negative) && sides_equal(positive, o.positive);
}

std::string FloatHistogram::to_string() const {
  // Go's %g and %v of a float64 are strconv's shortest 'g', as format_value writes it.
  std::string out = "{count:" + format_value(count) + ", sum:" + format_value(sum);
  auto bucket = [&](double lower, double upper, bool lower_in, bool upper_in, double n) {
    out += ", ";
    out += lower_in ? '[' : '(';
    out += format_value(lower) + "," + format_value(upper);
    out += upper_in ? ']' : ')';
    out += ":" + format_value(n);
  };
  // Negative buckets from the most negative: indices downward.
  for (size_t i = negative.buckets.size(); i-- > 0;) {
    if (negative.buckets[i] == 0) continue;
    int32_t idx = negative.offset + static_cast<int32_t>(i);
    double lower = -bound(idx), upper = -bound(idx - 1);
    bucket(lower, upper, lower<0, upper> 0, negative.buckets[i]);
  }
  if (zero_count != 0) bucket(-zero_threshold, zero_threshold, true, true, zero_count);
  for (size_t i = 0; i < positive.buckets.size(); ++i) {
    if (positive.buckets[i] == 0) continue;
    int32_t idx = positive.offset + static_cast<int32_t>(i);
    double lower = bound(idx - 1), upper = bound(idx);
    if (custom()) {
      bucket(lower, upper, idx == 0, true, positive.buckets[i]);
    } else {
      bucket(lower, upper, lower<0, upper> 0, positive.buckets[i]);
    }
  }
  out += '}';
  return out;
}

}  // namespace caxtool::promql::eval

namespace caxtool::promql::eval::detail {

void histogram_binop(Tok op, const FloatHistogram* lh, double lv, const FloatHistogram* rh,
                     double rv, HistogramResult& r) {
  FloatHistogram& out = r.computed;
  if (op == Tok::kMul && (lh == nullptr) != (rh == nullptr)) {
    out = lh ? *lh : *rh;
    out.scale(lh ? rv : lv);
    out.compact();  // a factor of 0 empties every bucket
  } else if (op == Tok::kDiv && lh && !rh) {
    out = *lh;
    out.div(rv);
    out.compact();
  } else if ((op == Tok::kAdd || op == Tok::kSub) && lh && rh) {
    out = *lh;
    bool ok = op == Tok::kAdd ? out.add(*rh, nullptr, &r.reconciled)
                              : out.sub(*rh, nullptr, &r.reconciled);
    if (!ok) return;
    if (op == Tok::kSub) out.hint = CounterResetHint::kGauge;
    out.compact();
  } else if ((op == Tok::kTrimUpper || op == Tok::kTrimLower) && lh && !rh) {
    out = *lh;
    out.trim_buckets(rv, op == Tok::kTrimUpper);
  } else if ((op == Tok::kEqlc || op == Tok::kNeq) && lh && rh) {
    r.keep = lh->equals(*rh) == (op == Tok::kEqlc);
    r.same = lh;
  } else {
    r.incompatible = true;
    return;
  }
  r.drop = false;
}

std::string incompatible_types(Tok op, bool lh, bool rh) {
  std::string o(token_name(op));
  return "PromQL info: incompatible sample types encountered for binary operator \"" + o +
         "\": " + (lh ? "histogram " : "float ") + o + (rh ? " histogram" : " float");
}

}  // namespace caxtool::promql::eval::detail
