// SPDX-License-Identifier: Apache-2.0
// Aggregations: samples grouped by `by`/`without` keys in order of first appearance, then sum,
// avg (incremental mean with Prometheus's Inf handling), count, min/max (NaN loses), group,
// stddev/stdvar (Welford), topk/bottomk (Go's container/heap, so ties come out in Prometheus's
// order), quantile, count_values and the experimental limitk.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Group {
  LabelsPtr labels;
  double value = 0, mean = 0, count = 0, comp = 0;
  KahanMean kmean;
  std::vector<VSample> heap;
};

// Go's container/heap over `less`.
template <class Less>
void heap_up(std::vector<VSample>& h, size_t j, Less less) {
  while (j > 0) {
    size_t i = (j - 1) / 2;
    if (!less(h[j], h[i])) break;
    std::swap(h[i], h[j]);
    j = i;
  }
}
template <class Less>
void heap_down(std::vector<VSample>& h, size_t i, size_t n, Less less) {
  for (;;) {
    size_t j = 2 * i + 1;
    if (j >= n) break;
    if (j + 1 < n && less(h[j + 1], h[j])) ++j;
    if (!less(h[j], h[i])) break;
    std::swap(h[i], h[j]);
    i = j;
  }
}

// Go's strconv.FormatFloat(v, 'f', -1, 64).
std::string format_f(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[512];
  auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

bool valid_name(std::string_view n) {
  if (n.empty()) return false;
  for (size_t i = 0; i < n.size(); ++i) {
    char c = n[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
          (i > 0 && c >= '0' && c <= '9')))
      return false;
  }
  return true;
}

}  // namespace

Val Evaluator::eval_aggregate(const Aggregate& a, int64_t ts) {
  Tok op = a.op;
  // 3.0 sums with Kahan compensation, averages with KahanMean and makes stddev/stdvar NaN when
  // a group holds NaN or Inf.
  bool v3 = opt_.version.major >= 3;
  double param = 0;
  std::string value_label;
  if (a.param) {
    Val p = eval(*a.param, ts);
    param = p.scalar;
    value_label = p.str;
  }
  if (op == Tok::kCountValues &&
      !(opt_.version.major >= 3 ? !value_label.empty() : valid_name(value_label)))
    fail("invalid label name \"" + value_label + "\"");
  Val in = eval(*a.expr, ts);
  int64_t k = 0;
  bool is_k = op == Tok::kTopk || op == Tok::kBottomk || op == Tok::kLimitk;
  if (is_k) {
    if (std::isnan(param) && opt_.version.major >= 3) fail("Parameter value is NaN");
    if (param >= 9.2e18) {
      k = std::numeric_limits<int64_t>::max();
    } else if (param <= -9.2e18 || std::isnan(param)) {
      k = std::numeric_limits<int64_t>::min();
    } else {
      k = static_cast<int64_t>(param);
    }
    if (k < 1) return Val::of_vector({});
  }
  auto less_top = [](const VSample& x, const VSample& y) { return std::isnan(x.v) || x.v < y.v; };
  auto less_bottom = [](const VSample& x, const VSample& y) {
    return std::isnan(x.v) || x.v > y.v;
  };
  std::unordered_map<std::string, size_t> index;
  std::vector<Group> groups;
  std::string key;
  for (auto& s : in.vec) {
    LabelsPtr metric = s.labels;
    if (op == Tok::kCountValues) {
      Labels l = *metric;
      std::erase_if(l, [&](const auto& p) { return p.first == value_label; });
      l.emplace_back(value_label, format_f(s.v));
      std::sort(l.begin(), l.end());
      metric = make_labels(std::move(l));
    }
    key.clear();
    for (const auto& [ln, lv] : *metric) {
      bool listed = std::find(a.grouping.begin(), a.grouping.end(), ln) != a.grouping.end() ||
                    (op == Tok::kCountValues && !a.without && ln == value_label);
      if (a.without ? (!listed && ln != "__name__") : listed) append_key(key, ln, lv);
    }
    auto [it, inserted] = index.try_emplace(key, groups.size());
    if (inserted) {
      Labels l;
      for (const auto& p : *metric) {
        bool listed =
            std::find(a.grouping.begin(), a.grouping.end(), p.first) != a.grouping.end() ||
            (op == Tok::kCountValues && !a.without && p.first == value_label);
        if (a.without ? (!listed && p.first != "__name__") : listed) l.push_back(p);
      }
      Group g;
      g.labels = make_labels(std::move(l));
      g.value = s.v;
      g.mean = s.v;
      g.count = 1;
      if (op == Tok::kStddev || op == Tok::kStdvar)
        g.value = (v3 && (std::isnan(s.v) || std::isinf(s.v))) ? kNaN : 0;
      if (op == Tok::kAvg && v3) g.kmean.add(s.v);
      if (op == Tok::kGroup) g.value = 1;
      if (is_k || op == Tok::kQuantile) g.heap.push_back(VSample{metric, s.v, ts});
      groups.push_back(std::move(g));
      continue;
    }
    Group& g = groups[it->second];
    switch (op) {
      case Tok::kSum:
        if (v3) {
          g.value = kahan_inc(s.v, g.value, g.comp);
        } else {
          g.value += s.v;
        }
        break;
      case Tok::kAvg:
        g.count++;
        if (v3) {
          g.kmean.add(s.v);
          break;
        }
        if (std::isinf(g.mean)) {
          if (std::isinf(s.v) && (g.mean > 0) == (s.v > 0)) break;
          if (!std::isinf(s.v) && !std::isnan(s.v)) break;
        }
        g.mean += s.v / g.count - g.mean / g.count;
        break;
      case Tok::kMax:
        if (g.value < s.v || std::isnan(g.value)) g.value = s.v;
        break;
      case Tok::kMin:
        if (g.value > s.v || std::isnan(g.value)) g.value = s.v;
        break;
      case Tok::kCount:
      case Tok::kCountValues:
        g.count++;
        break;
      case Tok::kStddev:
      case Tok::kStdvar: {
        g.count++;
        double delta = s.v - g.mean;
        g.mean += delta / g.count;
        g.value += delta * (s.v - g.mean);
        break;
      }
      case Tok::kTopk:
      case Tok::kBottomk: {
        bool top = op == Tok::kTopk;
        auto& h = g.heap;
        bool better = top ? (h[0].v < s.v) : (h[0].v > s.v);
        if (static_cast<int64_t>(h.size()) < k || better || std::isnan(h[0].v)) {
          if (static_cast<int64_t>(h.size()) == k) {
            if (k == 1) {
              h[0] = VSample{metric, s.v, ts};
              break;
            }
            std::swap(h[0], h.back());
            if (top)
              heap_down(h, 0, h.size() - 1, less_top);
            else
              heap_down(h, 0, h.size() - 1, less_bottom);
            h.pop_back();
          }
          h.push_back(VSample{metric, s.v, ts});
          if (top)
            heap_up(h, h.size() - 1, less_top);
          else
            heap_up(h, h.size() - 1, less_bottom);
        }
        break;
      }
      case Tok::kLimitk:
        if (static_cast<int64_t>(g.heap.size()) < k) g.heap.push_back(VSample{metric, s.v, ts});
        break;
      case Tok::kQuantile:
        g.heap.push_back(VSample{metric, s.v, ts});
        break;
      default:
        break;
    }
  }
  Vector out;
  out.reserve(groups.size());
  for (auto& g : groups) {
    double v = g.value;
    switch (op) {
      case Tok::kAvg:
        v = v3 ? g.kmean.result() : g.mean;
        break;
      case Tok::kSum:
        if (v3 && !std::isinf(v)) v += g.comp;
        break;
      case Tok::kCount:
      case Tok::kCountValues:
        v = g.count;
        break;
      case Tok::kStdvar:
        v = g.value / g.count;
        break;
      case Tok::kStddev:
        v = std::sqrt(g.value / g.count);
        break;
      case Tok::kTopk:
      case Tok::kBottomk: {
        bool top = op == Tok::kTopk;
        std::stable_sort(g.heap.begin(), g.heap.end(), [&](const VSample& x, const VSample& y) {
          return top ? less_top(y, x) : less_bottom(y, x);
        });
        for (auto& s : g.heap) out.push_back(std::move(s));
        continue;
      }
      case Tok::kLimitk:
        for (auto& s : g.heap) out.push_back(std::move(s));
        continue;
      case Tok::kQuantile: {
        std::vector<double> vals;
        for (const auto& s : g.heap) vals.push_back(s.v);
        v = quantile_of(param, vals);
        break;
      }
      default:
        break;
    }
    out.push_back(VSample{g.labels, v, ts});
  }
  return Val::of_vector(std::move(out));
}

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
