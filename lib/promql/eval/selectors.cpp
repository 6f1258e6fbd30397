// SPDX-License-Identifier: Apache-2.0
// Selecting series and samples: label matchers (regexes compiled once per pattern), the
// lookback window of instant selectors with staleness markers, range windows, `offset` and `@`,
// and subqueries with their step aligned to absolute multiples of the step as Prometheus aligns
// it. Since 3.0 every window excludes its left end.
#include <algorithm>
#include <unordered_map>

#include "promql/eval/internal.h"
#include "promql/regex.h"

namespace caxtool::promql::eval {
namespace detail {
namespace {

const promql::detail::LabelRegex& cached_regex(const std::string& re, bool dot_nl) {
  // Keyed by pattern, not by tree node: rule evaluation re-runs the same expressions thousands
  // of times, and a pattern's compiled form never changes.
  thread_local std::unordered_map<std::string, promql::detail::LabelRegex> cache[2];
  auto& c = cache[dot_nl ? 1 : 0];
  auto it = c.find(re);
  if (it == c.end()) it = c.emplace(re, promql::detail::LabelRegex(re, dot_nl)).first;
  return it->second;
}

struct CompiledMatcher {
  const Matcher* m;
  const promql::detail::LabelRegex* re = nullptr;
  bool matches(std::string_view v) const {
    switch (m->op) {
      case MatchOp::kEqual:
        return v == m->value;
      case MatchOp::kNotEqual:
        return v != m->value;
      case MatchOp::kRegex:
        return re->matches(v);
      case MatchOp::kNotRegex:
        return !re->matches(v);
    }
    return false;
  }
};

int64_t ns_to_ms(int64_t ns) { return ns / 1000000; }

}  // namespace

std::vector<uint32_t> Evaluator::matching_series(const VectorSelector& vs) {
  bool dot_nl = opt_.version.major >= 3;
  std::vector<CompiledMatcher> ms;
  const std::vector<uint32_t>* candidates = &st_.all;
  static const std::vector<uint32_t> kNone;
  std::string name = vs.name;
  for (const Matcher& m : vs.matchers) {
    CompiledMatcher cm{&m};
    if (m.op == MatchOp::kRegex || m.op == MatchOp::kNotRegex)
      cm.re = &cached_regex(m.value, dot_nl);
    ms.push_back(cm);
    if (name.empty() && m.name == "__name__" && m.op == MatchOp::kEqual) name = m.value;
  }
  if (!name.empty()) {
    auto it = st_.by_name.find(name);
    candidates = it == st_.by_name.end() ? &kNone : &it->second;
  }
  std::vector<uint32_t> out;
  for (uint32_t idx : *candidates) {
    const Labels& l = *st_.series[idx].labels;
    bool ok = true;
    for (const auto& cm : ms) {
      if (!cm.matches(label_value(l, cm.m->name))) {
        ok = false;
        break;
      }
    }
    if (ok) out.push_back(idx);
  }
  st_.refresh_ranks();
  std::sort(out.begin(), out.end(),
            [&](uint32_t a, uint32_t b) { return st_.series[a].rank < st_.series[b].rank; });
  return out;
}

int64_t Evaluator::reference_time(const At& at, const Offset& offset, int64_t ts) const {
  if (offset.expr) fail("duration expressions in offset are not supported by this evaluator");
  int64_t base = ts;
  switch (at.kind) {
    case At::Kind::kTimestamp:
      base = at.milliseconds;
      break;
    case At::Kind::kStart:
      base = start_;
      break;
    case At::Kind::kEnd:
      base = end_;
      break;
    case At::Kind::kNone:
      break;
  }
  return base - ns_to_ms(offset.nanoseconds);
}

Vector Evaluator::select_vector(const VectorSelector& vs, int64_t ts, bool keep_name) {
  (void)keep_name;
  int64_t rt = reference_time(vs.at, vs.offset, ts);
  int64_t min_t = rt - opt_.lookback_delta_ms;
  Vector out;
  for (uint32_t idx : matching_series(vs)) {
    const auto& s = st_.series[idx].samples;
    auto it = std::upper_bound(s.begin(), s.end(), rt,
                               [](int64_t t, const Sample& x) { return t < x.t; });
    if (it == s.begin()) continue;
    const Sample& last = *(it - 1);
    if (last.t < min_t || (left_open() && last.t == min_t)) continue;
    if (is_stale_nan(last.v)) continue;
    out.push_back(VSample{st_.series[idx].labels, last.v, last.t});
  }
  return out;
}

Matrix Evaluator::select_matrix(const MatrixSelector& m, int64_t ts) {
  const VectorSelector* vs = m.vector_selector();
  if (m.range_expr) fail("duration expressions in ranges are not supported by this evaluator");
  int64_t rt = reference_time(vs->at, vs->offset, ts);
  int64_t min_t = rt - ns_to_ms(m.range_ns);
  Matrix out;
  for (uint32_t idx : matching_series(*vs)) {
    const auto& s = st_.series[idx].samples;
    auto lo = std::lower_bound(s.begin(), s.end(), min_t,
                               [](const Sample& x, int64_t t) { return x.t < t; });
    if (left_open() && lo != s.end() && lo->t == min_t) ++lo;
    auto hi = std::upper_bound(lo, s.end(), rt, [](int64_t t, const Sample& x) { return t < x.t; });
    if (lo == hi) continue;
    MSeries ms;
    ms.labels = st_.series[idx].labels;
    bool has_stale = std::any_of(lo, hi, [](const Sample& x) { return is_stale_nan(x.v); });
    if (has_stale) {
      std::vector<Sample> kept;
      for (auto i = lo; i != hi; ++i)
        if (!is_stale_nan(i->v)) kept.push_back(*i);
      if (kept.empty()) continue;
      ms.own(std::move(kept));
    } else {
      ms.data = &*lo;
      ms.size = static_cast<size_t>(hi - lo);
    }
    out.push_back(std::move(ms));
  }
  return out;
}

Matrix Evaluator::eval_subquery(const Subquery& sq, int64_t ts) {
  if (sq.range_expr || sq.step_expr)
    fail("duration expressions in subqueries are not supported by this evaluator");
  int64_t range = ns_to_ms(sq.range_ns);
  int64_t step = sq.step_ns != 0 ? ns_to_ms(sq.step_ns) : opt_.default_step_ms;
  if (step <= 0) fail("subquery step must be positive");
  int64_t end = reference_time(sq.at, sq.offset, ts);
  int64_t from = end - range;
  int64_t start = step * (from / step);
  if (start < from || (left_open() && start == from)) start += step;
  // Series keyed by label set, kept in the order they first appear, then sorted by labels as
  // Prometheus's matrices are.
  std::unordered_map<std::string, size_t> index;
  std::vector<std::pair<LabelsPtr, std::vector<Sample>>> series;
  for (int64_t t = start; t <= end; t += step) {
    Val v = eval(*sq.expr, t);
    auto add = [&](const LabelsPtr& l, double x) {
      auto [it, inserted] = index.try_emplace(labels_key(*l), series.size());
      if (inserted) series.emplace_back(l, std::vector<Sample>{});
      series[it->second].second.push_back(Sample{t, x});
    };
    if (v.type == ValueType::kScalar) {
      static const LabelsPtr kEmpty = make_labels({});
      add(kEmpty, v.scalar);
    } else {
      for (const auto& s : v.vec) add(s.labels, s.v);
    }
  }
  std::sort(series.begin(), series.end(),
            [](const auto& a, const auto& b) { return compare_labels(*a.first, *b.first) < 0; });
  Matrix out;
  out.reserve(series.size());
  for (auto& [l, s] : series) {
    MSeries ms;
    ms.labels = l;
    ms.own(std::move(s));
    out.push_back(std::move(ms));
  }
  return out;
}

Matrix Evaluator::eval_range_arg(const Expr& e, int64_t ts) {
  const Expr* x = &e;
  while (const auto* p = x->as<Paren>()) x = p->expr.get();
  if (const auto* m = x->as<MatrixSelector>()) return select_matrix(*m, ts);
  if (const auto* s = x->as<Subquery>()) return eval_subquery(*s, ts);
  fail("expected a range vector");
}

}  // namespace detail
}  // namespace caxtool::promql::eval
