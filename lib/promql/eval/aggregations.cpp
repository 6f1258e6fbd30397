// SPDX-License-Identifier: Apache-2.0
// Aggregations: samples grouped by `by`/`without` keys in order of first appearance, then sum,
// avg (incremental mean with Prometheus's Inf handling), count, min/max (NaN loses), group,
// stddev/stdvar (Welford), topk/bottomk (Go's container/heap, so ties come out in Prometheus's
// order), quantile, count_values and the experimental limitk and limit_ratio. Native histograms are
// summed and averaged (histogram_aggregate.cpp), counted, kept by limitk, named by count_values
// through their String() form, and skipped by the others.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <unordered_map>

#include "promql/eval/internal.h"
#include "promql/literals.h"

namespace caxtool::promql::eval::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Group {
  LabelsPtr labels;
  double value = 0, mean = 0, count = 0, comp = 0;
  KahanMean kmean;
  std::vector<VSample> heap;
  // sum and avg of native histograms; a group mixing them with floats has no result.
  std::vector<const FloatHistogram*> hists;
  bool has_float = false;
  bool drop = false;  // delayed name removal: a sample of the group had its name marked
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
      !(opt_.version.major >= 3 ? !value_label.empty() && promql::detail::valid_utf8(value_label)
                                : valid_name(value_label)))
    fail("invalid label name " + promql::detail::go_quote(value_label));
  Val in = eval(*a.expr, ts);
  // These skip native histograms (Prometheus adds an info annotation): as if absent.
  if (op == Tok::kMin || op == Tok::kMax || op == Tok::kStddev || op == Tok::kStdvar ||
      op == Tok::kQuantile || op == Tok::kTopk || op == Tok::kBottomk) {
    if (std::erase_if(in.vec, [](const VSample& s) { return s.h != nullptr; }) > 0)
      warn("PromQL info: ignored histogram in " + std::string(token_name(op)) + " aggregation");
  }
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
  // limit_ratio: a ratio of 0 keeps nothing, NaN fails, beyond [-1, 1] is capped with a warning.
  if (op == Tok::kLimitRatio) {
    if (param == 0) return Val::of_vector({});
    if (std::isnan(param)) fail("Ratio value is NaN");
    if (param > 1 || param < -1) {
      double cap = param > 1 ? 1.0 : -1.0;
      warn("PromQL warning: ratio value should be between -1 and 1, got " + format_value(param) +
           ", capping to " + format_value(cap));
      param = cap;
    }
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
      l.emplace_back(value_label, s.h ? s.h->to_string() : format_f(s.v));
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
      g.drop = s.drop;
      g.value = s.v;
      g.mean = s.v;
      g.count = 1;
      if (op == Tok::kStddev || op == Tok::kStdvar)
        g.value = (v3 && (std::isnan(s.v) || std::isinf(s.v))) ? kNaN : 0;
      if (op == Tok::kAvg && v3) g.kmean.add(s.v);
      if (op == Tok::kGroup) g.value = 1;
      if (is_k || op == Tok::kQuantile)
        g.heap.push_back(VSample{metric, s.v, ts, nullptr, s.h, s.drop});
      if (op == Tok::kLimitRatio && limit_ratio_keeps(param, *metric, opt_.version))
        g.heap.push_back(VSample{metric, s.v, ts, nullptr, s.h, s.drop});
      if (s.h) {
        g.hists.push_back(s.h);
      } else {
        g.has_float = true;
      }
      groups.push_back(std::move(g));
      continue;
    }
    Group& g = groups[it->second];
    g.drop = g.drop || s.drop;
    if ((op == Tok::kSum || op == Tok::kAvg) && s.h) {
      g.hists.push_back(s.h);
      continue;
    }
    if (!s.h) g.has_float = true;
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
              h[0] = VSample{metric, s.v, ts, nullptr, nullptr, s.drop};
              break;
            }
            std::swap(h[0], h.back());
            if (top)
              heap_down(h, 0, h.size() - 1, less_top);
            else
              heap_down(h, 0, h.size() - 1, less_bottom);
            h.pop_back();
          }
          h.push_back(VSample{metric, s.v, ts, nullptr, nullptr, s.drop});
          if (top)
            heap_up(h, h.size() - 1, less_top);
          else
            heap_up(h, h.size() - 1, less_bottom);
        }
        break;
      }
      case Tok::kLimitk:
        if (static_cast<int64_t>(g.heap.size()) < k)
          g.heap.push_back(VSample{metric, s.v, ts, nullptr, s.h, s.drop});
        break;
      case Tok::kLimitRatio:
        // Prometheus pushes onto its by-value heap, which orders an instant result.
        if (limit_ratio_keeps(param, *metric, opt_.version)) {
          g.heap.push_back(VSample{metric, s.v, ts, nullptr, s.h, s.drop});
          heap_up(g.heap, g.heap.size() - 1, less_top);
        }
        break;
      case Tok::kQuantile:
        g.heap.push_back(VSample{metric, s.v, ts, nullptr, nullptr, s.drop});
        break;
      default:
        break;
    }
  }
  Vector out;
  out.reserve(groups.size());
  for (auto& g : groups) {
    double v = g.value;
    if ((op == Tok::kSum || op == Tok::kAvg) && !g.hists.empty()) {
      if (g.has_float) {
        warn("PromQL warning: encountered a mix of histograms and floats for aggregation");
        continue;
      }
      FloatHistogram h;
      bool reconciled = false;
      if (!aggregate_histograms(g.hists, op == Tok::kAvg, h, &reconciled)) continue;
      if (reconciled && !custom_bounds_reconciled(*this, "aggregation")) continue;
      out.push_back(VSample{g.labels, 0, ts, nullptr, keep(std::move(h)), g.drop});
      continue;
    }
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
      case Tok::kLimitRatio:
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
    out.push_back(VSample{g.labels, v, ts, nullptr, nullptr, g.drop});
  }
  return Val::of_vector(std::move(out));
}

}  // namespace caxtool::promql::eval::detail
