// SPDX-License-Identifier: Apache-2.0
// Quantiles as Prometheus's quantile.go computes them: the interpolated φ-quantile of a set of
// values (quantile, quantile_over_time) and of classic histogram buckets (histogram_quantile),
// with buckets coalesced by bound and counts forced monotonic.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

double quantile_of(double q, std::vector<double>& values) {
  if (values.empty() || std::isnan(q)) return kNaN;
  if (q < 0) return -std::numeric_limits<double>::infinity();
  if (q > 1) return std::numeric_limits<double>::infinity();
  std::sort(values.begin(), values.end(), [](double x, double y) {
    if (std::isnan(x)) return !std::isnan(y);
    return x < y;
  });
  double n = static_cast<double>(values.size());
  double rank = q * (n - 1);
  double lower = std::max(0.0, std::floor(rank));
  double upper = std::min(n - 1, lower + 1);
  double weight = rank - std::floor(rank);
  return values[static_cast<size_t>(lower)] * (1 - weight) +
         values[static_cast<size_t>(upper)] * weight;
}

double bucket_quantile(double q, std::vector<std::pair<double, double>>& b, bool& forced) {
  if (std::isnan(q)) return kNaN;
  if (q < 0) return -std::numeric_limits<double>::infinity();
  if (q > 1) return std::numeric_limits<double>::infinity();
  std::sort(b.begin(), b.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  if (b.empty() || !std::isinf(b.back().first) || b.back().first < 0) return kNaN;
  // Coalesce buckets with the same bound.
  std::vector<std::pair<double, double>> c;
  for (const auto& x : b) {
    if (!c.empty() && c.back().first == x.first) {
      c.back().second += x.second;
    } else {
      c.push_back(x);
    }
  }
  double max = -std::numeric_limits<double>::infinity();
  for (auto& x : c) {
    if (x.second > max) {
      max = x.second;
    } else if (x.second < max) {
      x.second = max;
      forced = true;
    }
  }
  if (c.size() < 2) return kNaN;
  double observations = c.back().second;
  if (observations == 0) return kNaN;
  double rank = q * observations;
  size_t i = 0;
  while (i < c.size() - 1 && !(c[i].second >= rank)) ++i;
  if (i == c.size() - 1) return c[c.size() - 2].first;
  if (i == 0 && c[0].first <= 0) return c[0].first;
  double start = 0, end = c[i].first, count = c[i].second;
  if (i > 0) {
    start = c[i - 1].first;
    count -= c[i - 1].second;
    rank -= c[i - 1].second;
  }
  return start + (end - start) * (rank / count);
}

}  // namespace caxtool::promql::eval::detail
