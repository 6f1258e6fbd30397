// SPDX-License-Identifier: Apache-2.0
// Compensated (Kahan-Neumaier) summation and the overflow-safe mean built on it, as
// Prometheus's kahansum package and avg/avg_over_time use them.
#include <cmath>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {

double kahan_inc(double inc, double sum, double& c) {
  double t = sum + inc;
  if (std::isinf(t)) {
    c = 0;
  } else if (std::fabs(sum) >= std::fabs(inc)) {
    c += (sum - t) + inc;
  } else {
    c += (inc - t) + sum;
  }
  return t;
}

void KahanMean::add(double v) {
  count_++;
  if (count_ == 1) {
    sum_ = v;
    return;
  }
  if (!incremental_) {
    double c = c_;
    double next = kahan_inc(v, sum_, c);
    if (!std::isinf(next)) {
      sum_ = next;
      c_ = c;
      return;
    }
    incremental_ = true;
    mean_ = sum_ / (count_ - 1);
    c_ /= count_ - 1;
  }
  double q = (count_ - 1) / count_;
  double c = q * c_;
  mean_ = kahan_inc(v / count_, q * mean_, c);
  c_ = c;
}

double KahanMean::result() const {
  if (incremental_) return mean_ + c_;
  return sum_ / count_ + c_ / count_;
}

}  // namespace caxtool::promql::eval::detail
