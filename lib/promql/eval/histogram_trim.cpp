// SPDX-License-Identifier: Apache-2.0
// The trim operators of 3.11 (`h </ x` keeps the observations below x, `h >/ x` those above),
// as Prometheus's FloatHistogram.TrimBuckets: buckets wholly on the dropped side are emptied, a
// bucket holding x keeps the fraction of its count on the kept side (interpolated linearly for
// custom buckets, on a log scale for exponential ones; buckets reaching ±Inf are kept or dropped
// whole), the zero bucket linearly, and when anything was trimmed the count and sum are rebuilt
// from the kept counts at the midpoints of the kept intervals.
#include <cmath>

#include "promql/eval/float_histogram.h"
#include "promql/eval/internal.h"

namespace caxtool::promql::eval {
namespace {

struct Interval {
  double lower, upper, count;
};

double zero_if_inf(double x) { return std::isinf(x) ? 0 : x; }

// A representative value of the kept interval (lower, upper): its geometric mean on an
// exponential scale, the arithmetic mean on a linear one.
double midpoint(double lower, double upper, bool positive, bool linear) {
  if (std::isinf(lower)) {
    if (std::isinf(upper)) return 0;
    return upper > 0 ? upper / 2 : upper;
  }
  if (std::isinf(upper)) return lower;
  if (linear) return (lower + upper) / 2;
  double g = std::sqrt(std::fabs(lower * upper));
  return positive ? g : -g;
}

// The count and midpoint kept of a bucket reaching -Inf or +Inf (handleInfinityBuckets).
void infinite_bucket(const Interval& b, double x, bool upper_trim, double& keep, double& mid) {
  if (std::isinf(b.lower) && b.lower < 0) {
    if (upper_trim) {
      if (x >= b.upper) {
        keep = b.count, mid = 0;
      } else if (x > 0 && b.upper > 0 && !std::isinf(b.upper)) {
        keep = b.count * x / b.upper, mid = x / 2;
      } else if (b.upper <= 0) {
        keep = b.count, mid = x;
      } else {
        keep = 0, mid = zero_if_inf(b.upper);
      }
    } else if (x <= b.lower) {
      keep = b.count, mid = 0;
    } else if (x >= 0 && b.upper > x && !std::isinf(b.upper)) {
      keep = b.count * (1 - x / b.upper), mid = (x + b.upper) / 2;
    } else {
      keep = 0, mid = zero_if_inf(b.upper);
    }
    return;
  }
  // Upper bound +Inf.
  if (!upper_trim && x >= b.lower) {
    keep = b.count, mid = x;
  } else {
    keep = 0, mid = zero_if_inf(b.lower);
  }
}

// Bucket.FractionBelow: the share of the bucket below x.
double fraction_below(const Interval& b, double x, bool linear) {
  if (linear) return (x - b.lower) / (b.upper - b.lower);
  double lo = detail::go_log2(std::fabs(b.lower)), up = detail::go_log2(std::fabs(b.upper));
  double v = detail::go_log2(std::fabs(x));
  if (x > 0) return (v - lo) / (up - lo);
  return 1 - ((v - up) / (lo - up));
}

// computeBucketTrim for a bucket holding x.
void split_bucket(const Interval& b, double x, bool upper_trim, bool positive, bool linear,
                  double& keep, double& mid) {
  if ((std::isinf(b.lower) && b.lower < 0) || (std::isinf(b.upper) && b.upper > 0)) {
    infinite_bucket(b, x, upper_trim, keep, mid);
    return;
  }
  double under = x <= b.lower ? 0 : x >= b.upper ? b.count : b.count * fraction_below(b, x, linear);
  if (upper_trim) {
    keep = under, mid = midpoint(b.lower, x, positive, linear);
  } else {
    keep = b.count - under, mid = midpoint(x, b.upper, positive, linear);
  }
}

}  // namespace

void FloatHistogram::trim_buckets(double x, bool upper_trim) {
  double new_count = 0, new_sum = 0;
  bool trimmed = false, has_positive = false, has_negative = false;
  bool linear = custom();
  for (bool pos : {true, false}) {
    Side& s = pos ? positive : negative;
    for (size_t i = 0; i < s.buckets.size(); ++i) {
      double& n = s.buckets[i];
      if (n == 0) continue;
      (pos ? has_positive : has_negative) = true;
      int32_t idx = s.offset + static_cast<int32_t>(i);
      Interval b =
          pos ? Interval{bound(idx - 1), bound(idx), n} : Interval{-bound(idx), -bound(idx - 1), n};
      bool whole = upper_trim ? b.upper <= x : b.lower >= x;
      bool holds = upper_trim ? b.lower < x : b.upper > x;
      if (whole) {
        new_count += n;
        new_sum += midpoint(b.lower, b.upper, pos, linear) * n;
      } else if (holds) {
        double keep, mid;
        split_bucket(b, x, upper_trim, pos, linear, keep, mid);
        new_count += keep;
        new_sum += mid * keep;
        if (n != keep) {
          n = keep;
          trimmed = true;
        }
      } else {
        n = 0;
        trimmed = true;
      }
    }
  }
  if (zero_count > 0) {
    double lower = -zero_threshold, upper = zero_threshold;
    if (has_negative && !has_positive) upper = 0;
    if (has_positive && !has_negative) lower = 0;
    double keep, mid;
    if (upper_trim) {
      if (x <= lower) {
        keep = 0, mid = 0;
      } else if (x >= upper) {
        keep = zero_count, mid = (lower + upper) / 2;
      } else {
        keep = zero_count * ((x - lower) / (upper - lower)), mid = (lower + x) / 2;
      }
    } else if (x <= lower) {
      keep = zero_count, mid = (lower + upper) / 2;
    } else if (x >= upper) {
      keep = 0, mid = 0;
    } else {
      keep = zero_count * ((upper - x) / (upper - lower)), mid = (x + upper) / 2;
    }
    if (zero_count != keep) {
      zero_count = keep;
      trimmed = true;
    }
    new_sum += mid * keep;
    new_count += keep;
  }
  if (trimmed) {
    count = new_count;
    sum = new_sum;
    compact();
  }
}

}  // namespace caxtool::promql::eval
