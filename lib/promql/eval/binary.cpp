// SPDX-License-Identifier: Apache-2.0
// Binary operators: scalar/scalar, vector/scalar (comparisons filter unless `bool`), and
// vector/vector with on/ignoring matching, group_left/group_right and the set operators, with
// Prometheus's matching errors. Arithmetic drops the metric name; a filtering comparison keeps it.
#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {
namespace {

bool is_comparison(Tok op) {
  return op == Tok::kEqlc || op == Tok::kNeq || op == Tok::kGtr || op == Tok::kLss ||
         op == Tok::kGte || op == Tok::kLte;
}

// Prometheus's vectorElemBinop: the value, and for comparisons whether the pair is kept.
double elem_binop(Tok op, double l, double r, bool& keep) {
  keep = true;
  switch (op) {
    case Tok::kAdd:
      return l + r;
    case Tok::kSub:
      return l - r;
    case Tok::kMul:
      return l * r;
    case Tok::kDiv:
      return l / r;
    case Tok::kPow:
      return std::pow(l, r);
    case Tok::kMod:
      return std::fmod(l, r);
    case Tok::kAtan2:
      return go_atan2(l, r);
    case Tok::kEqlc:
      keep = l == r;
      return l;
    case Tok::kNeq:
      keep = l != r;
      return l;
    case Tok::kGtr:
      keep = l > r;
      return l;
    case Tok::kLss:
      keep = l < r;
      return l;
    case Tok::kGte:
      keep = l >= r;
      return l;
    case Tok::kLte:
      keep = l <= r;
      return l;
    default:
      fail("operator \"" + std::string(token_name(op)) + "\" not allowed here");
  }
}

bool contains(const std::vector<std::string>& v, std::string_view s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

// The matching signature: the `on` labels, or all but the `ignoring` ones and the name.
std::string signature(const Labels& l, const VectorMatching& m) {
  std::string key;
  for (const auto& [n, v] : l) {
    bool listed = contains(m.matching_labels, n);
    if (m.on ? listed : (!listed && n != "__name__")) append_key(key, n, v);
  }
  return key;
}

Labels match_labels(const Labels& l, const VectorMatching& m) {
  Labels out;
  for (const auto& p : l) {
    bool listed = contains(m.matching_labels, p.first);
    if (m.on ? listed : (!listed && p.first != "__name__")) out.push_back(p);
  }
  return out;
}

// Arithmetic drops the metric name; atan2 does so since 2.47; trimming keeps it.
bool drops_name(Tok op, Version v) {
  if (op == Tok::kAtan2) return v >= Version{2, 47};
  return !is_comparison(op) && op != Tok::kTrimUpper && op != Tok::kTrimLower;
}

Labels result_metric(const Labels& lhs, const Labels& rhs, Tok op, const VectorMatching& m,
                     Version version) {
  bool drop_name = drops_name(op, version);
  Labels out;
  for (const auto& p : lhs) {
    if (drop_name && p.first == "__name__") continue;
    if (m.card == Cardinality::kOneToOne) {
      bool listed = contains(m.matching_labels, p.first);
      if (m.on ? !listed : listed) continue;
    }
    if (contains(m.include, p.first)) continue;
    out.push_back(p);
  }
  for (const auto& n : m.include) {
    std::string_view v = label_value(rhs, n);
    if (!v.empty()) out.emplace_back(n, std::string(v));
  }
  std::sort(out.begin(), out.end());
  return out;
}

Vector set_operation(Tok op, Vector lhs, Vector rhs, const VectorMatching& m) {
  Vector out;
  if (op == Tok::kLand) {
    if (lhs.empty() || rhs.empty()) return out;
    std::unordered_set<std::string> sigs;
    for (const auto& s : rhs) sigs.insert(signature(*s.labels, m));
    for (auto& s : lhs)
      if (sigs.count(signature(*s.labels, m))) out.push_back(std::move(s));
    return out;
  }
  if (op == Tok::kLor) {
    if (lhs.empty()) return rhs;
    if (rhs.empty()) return lhs;
    std::unordered_set<std::string> sigs;
    for (auto& s : lhs) {
      sigs.insert(signature(*s.labels, m));
      out.push_back(std::move(s));
    }
    for (auto& s : rhs)
      if (!sigs.count(signature(*s.labels, m))) out.push_back(std::move(s));
    return out;
  }
  // unless
  if (rhs.empty()) return lhs;
  std::unordered_set<std::string> sigs;
  for (const auto& s : rhs) sigs.insert(signature(*s.labels, m));
  for (auto& s : lhs)
    if (!sigs.count(signature(*s.labels, m))) out.push_back(std::move(s));
  return out;
}

}  // namespace

Val Evaluator::eval_binary(const Binary& b, int64_t ts) {
  Val l = eval(*b.lhs, ts);
  Val r = eval(*b.rhs, ts);
  Tok op = b.op;
  bool keep;
  if (l.type == ValueType::kScalar && r.type == ValueType::kScalar) {
    if (op == Tok::kTrimUpper || op == Tok::kTrimLower)  // scalarBinop's panic
      fail("operator \"" + std::string(token_name(op)) + "\" not allowed for Scalar operations");
    double v = elem_binop(op, l.scalar, r.scalar, keep);
    if (is_comparison(op)) v = keep ? 1 : 0;
    return Val::of_scalar(v);
  }
  if (l.type == ValueType::kVector && r.type == ValueType::kVector) {
    static const VectorMatching kDefault{};
    const VectorMatching& m = b.matching ? *b.matching : kDefault;
    if (op == Tok::kLand || op == Tok::kLor || op == Tok::kLunless)
      return Val::of_vector(set_operation(op, std::move(l.vec), std::move(r.vec), m));
    // fill(), fill_left(), fill_right() (3.10+) stand in for a side's missing match.
    bool fills = m.fill_lhs || m.fill_rhs;
    if ((l.vec.empty() && r.vec.empty()) || ((l.vec.empty() || r.vec.empty()) && !fills))
      return Val::of_vector({});
    bool one_to_many = m.card == Cardinality::kOneToMany;
    Vector& many = one_to_many ? r.vec : l.vec;
    Vector& one = one_to_many ? l.vec : r.vec;
    std::unordered_map<std::string, const VSample*> one_sigs;
    one_sigs.reserve(one.size());
    for (const auto& s : one) {
      auto [it, inserted] = one_sigs.try_emplace(signature(*s.labels, m), &s);
      if (!inserted) {
        std::string d1 = format_labels(*s.labels), d2 = format_labels(*it->second->labels);
        if (opt_.version >= Version{3, 14} && d1 > d2) std::swap(d1, d2);  // sorted since 3.14
        fail("found duplicate series for the match group " +
             format_labels(match_labels(*s.labels, m)) + " on the " +
             (one_to_many ? "left" : "right") + " hand-side of the operation: [" + d1 + ", " + d2 +
             "];many-to-many matching not allowed: matching labels must be unique on one side");
      }
    }
    std::unordered_map<std::string, std::unordered_set<std::string>> matched;
    Vector out;
    auto pair = [&](const VSample& s, const VSample& o, const std::string& sig) {
      double vl = s.v, vr = o.v;
      const FloatHistogram *hl = s.h, *hr = o.h;
      if (one_to_many) {
        std::swap(vl, vr);
        std::swap(hl, hr);
      }
      HistogramResult hres;
      bool is_hist = hl || hr;
      double v = 0;
      if (is_hist) {
        histogram_binop(op, hl, vl, hr, vr, hres);
        if (hres.incompatible) warn(incompatible_types(op, hl, hr));
        if (hres.drop) return;
        if (hres.reconciled &&
            !custom_bounds_reconciled(*this, op == Tok::kAdd ? "addition" : "subtraction"))
          return;
        keep = hres.keep;
        if (b.return_bool) is_hist = false;
      } else if (op == Tok::kTrimUpper || op == Tok::kTrimLower) {
        warn(incompatible_types(op, false, false));  // trimming needs a histogram on the left
        return;
      } else {
        v = elem_binop(op, vl, vr, keep);
      }
      // Since 3.9 the matching errors are found before a comparison filters the pair out.
      bool check_first = opt_.version >= Version{3, 9};
      if (b.return_bool) {
        v = keep ? 1 : 0;
      } else if (!keep && !check_first) {
        return;
      }
      Labels metric = result_metric(*s.labels, *o.labels, op, m, opt_.version);
      // With delayed name removal a `bool` result only marks the name (arithmetic has dropped
      // it already, as Prometheus's resultMetric does in either mode).
      if (b.return_bool && !delayed_names()) metric = without_name(metric);
      auto [mit, first] = matched.try_emplace(sig);
      if (m.card == Cardinality::kOneToOne) {
        if (!first)
          fail(
              "multiple matches for labels: many-to-one matching must be explicit "
              "(group_left/group_right)");
      } else if (!mit->second.insert(labels_key(metric)).second) {
        fail("multiple matches for labels: grouping labels must ensure unique matches");
      }
      if (!keep && !b.return_bool) return;
      const FloatHistogram* h = nullptr;
      if (is_hist) h = hres.same ? hres.same : keep_histogram(std::move(hres.computed));
      out.push_back(VSample{make_labels(std::move(metric)), v, ts, nullptr, h, b.return_bool});
    };
    for (const auto& s : many) {
      std::string sig = signature(*s.labels, m);
      auto it = one_sigs.find(sig);
      if (it != one_sigs.end()) {
        pair(s, *it->second, sig);
      } else if (m.fill_rhs) {
        pair(s, VSample{make_labels(match_labels(*s.labels, m)), *m.fill_rhs, ts}, sig);
      }
    }
    if (m.fill_lhs) {
      // The `one` side's series no sample of the other side matched.
      for (const auto& o : one) {
        std::string sig = signature(*o.labels, m);
        auto mit = matched.find(sig);
        if (mit != matched.end() && (m.card == Cardinality::kOneToOne || !mit->second.empty()))
          continue;
        pair(VSample{make_labels(match_labels(*o.labels, m)), *m.fill_lhs, ts}, o, sig);
      }
    }
    return Val::of_vector(std::move(out));
  }
  // Vector and scalar, in either order.
  bool swap = l.type == ValueType::kScalar;
  Vector vec = std::move(swap ? r.vec : l.vec);
  double scalar = swap ? l.scalar : r.scalar;
  Vector out;
  out.reserve(vec.size());
  for (auto& s : vec) {
    double lv = s.v, rv = scalar;
    if (swap) std::swap(lv, rv);
    if (s.h) {
      // With a scalar only arithmetic (and trimming) has a result: never a comparison.
      HistogramResult hres;
      histogram_binop(op, swap ? nullptr : s.h, lv, swap ? s.h : nullptr, rv, hres);
      if (hres.incompatible) warn(incompatible_types(op, !swap, swap));
      if (hres.drop) continue;
      s.h = keep_histogram(std::move(hres.computed));
      s.v = 0;
      s.t = ts;
      if (drops_name(op, opt_.version)) drop_name_of(s);
      out.push_back(std::move(s));
      continue;
    }
    if (op == Tok::kTrimUpper || op == Tok::kTrimLower) {  // a float is not trimmed
      warn(incompatible_types(op, false, false));
      continue;
    }
    double v = elem_binop(op, lv, rv, keep);
    if (is_comparison(op) && swap) v = rv;
    if (b.return_bool) {
      v = keep ? 1 : 0;
      keep = true;
    }
    if (!keep) continue;
    s.v = v;
    s.t = ts;
    if (drops_name(op, opt_.version) || b.return_bool) drop_name_of(s);
    out.push_back(std::move(s));
  }
  return Val::of_vector(std::move(out));
}

}  // namespace caxtool::promql::eval::detail
