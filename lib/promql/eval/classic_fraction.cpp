// SPDX-License-Identifier: Apache-2.0
// histogram_fraction over classic histograms (3.4+): the `le` bucket series of each label set
// (without `le`) form one cumulative histogram, and the fraction of its observations between
// the bounds is interpolated linearly inside the buckets the bounds fall in, as Prometheus's
// quantile.go BucketFraction does; groups that also have a native histogram are left out.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {
namespace {

// Go's strconv.ParseFloat, near enough for bucket bounds: no surrounding space, all consumed.
bool parse_le(std::string_view s, double& out) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
  std::string str(s);
  char* end = nullptr;
  out = std::strtod(str.c_str(), &end);
  return end == str.c_str() + str.size();
}

}  // namespace

double bucket_fraction(double lower, double upper, std::vector<std::pair<double, double>> b) {
  std::sort(b.begin(), b.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  if (b.empty() || b.back().first != HUGE_VAL) return std::nan("");
  // Buckets with the same bound are merged.
  size_t n = 0;
  for (size_t i = 1; i < b.size(); ++i) {
    if (b[i].first == b[n].first) {
      b[n].second += b[i].second;
    } else {
      b[++n] = b[i];
    }
  }
  b.resize(n + 1);
  double count = b.back().second;
  if (count == 0 || std::isnan(lower) || std::isnan(upper)) return std::nan("");
  if (lower >= upper) return 0;
  double rank = 0, lower_rank = 0, upper_rank = 0;
  bool lower_set = false, upper_set = false;
  // A first bucket above 0 is taken to start at 0, else at -Inf.
  double lo = b[0].first <= 0 ? -HUGE_VAL : 0.0;
  for (size_t i = 0; i < b.size(); ++i) {
    if (i > 0) lo = b[i - 1].first;
    double hi = b[i].first, cum = b[i].second;
    // Nothing is interpolated inside a bucket of infinite width.
    auto interpolate = [&](double v) {
      if (lo == -HUGE_VAL) return cum;
      return rank + (cum - rank) * (v - lo) / (hi - lo);
    };
    if (!lower_set && lo >= lower) {
      lower_rank = rank;
      lower_set = true;
    }
    if (!upper_set && lo >= upper) {
      upper_rank = rank;
      upper_set = true;
    }
    if (lower_set && upper_set) break;
    if (!lower_set && lo < lower && hi > lower) {
      lower_rank = interpolate(lower);
      lower_set = true;
    }
    if (!upper_set && lo < upper && hi > upper) {
      upper_rank = interpolate(upper);
      upper_set = true;
    }
    if (lower_set && upper_set) break;
    rank = cum;
  }
  if (!lower_set || lower_rank > count) lower_rank = count;
  if (!upper_set || upper_rank > count) upper_rank = count;
  return (upper_rank - lower_rank) / count;
}

void classic_fractions(double lower, double upper, const Vector& in,
                       const std::unordered_set<std::string>& skip, int64_t ts, Vector& out,
                       bool delayed) {
  struct Group {
    LabelsPtr labels;
    std::vector<std::pair<double, double>> buckets;
  };
  std::unordered_map<std::string, size_t> index;
  std::vector<Group> groups;
  for (const VSample& s : in) {
    double le;
    if (s.h || !parse_le(label_value(*s.labels, "le"), le)) continue;
    std::string key = bucket_group_key(*s.labels);
    if (skip.count(key)) continue;
    auto [it, inserted] = index.try_emplace(std::move(key), groups.size());
    if (inserted) {
      Labels l;
      for (const auto& p : *s.labels)
        if (p.first != "le" && (delayed || p.first != "__name__")) l.push_back(p);
      groups.push_back(Group{make_labels(std::move(l)), {}});
    }
    groups[it->second].buckets.emplace_back(le, s.v);
  }
  for (Group& g : groups)
    out.push_back(VSample{g.labels, bucket_fraction(lower, upper, std::move(g.buckets)), ts,
                          nullptr, nullptr, delayed});
}

}  // namespace caxtool::promql::eval::detail
