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

const promql::detail::LabelRegex& cached_regex(const std::string& re, bool dot_nl) {
  // Keyed by pattern, not by tree node: rule evaluation re-runs the same expressions thousands
  // of times, and a pattern's compiled form never changes.
  thread_local std::unordered_map<std::string, promql::detail::LabelRegex> cache[2];
  auto& c = cache[dot_nl ? 1 : 0];
  auto it = c.find(re);
  if (it == c.end()) it = c.emplace(re, promql::detail::LabelRegex(re, dot_nl)).first;
  return it->second;
}

namespace {

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

const std::vector<uint32_t>& Evaluator::matching_series(const VectorSelector& vs) {
  bool dot_nl = opt_.version.major >= 3;
  std::string cache_key(dot_nl ? "1" : "0");
  append_key(cache_key, "", vs.name);
  for (const Matcher& m : vs.matchers) {
    append_key(cache_key, m.name, match_op_name(m.op));
    cache_key.append(m.value);
    cache_key.push_back('\xfd');
  }
  auto cached = st_.selections.find(cache_key);
  if (cached != st_.selections.end()) return cached->second;
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
  // In creation order, as the TSDB head's postings list them (Prometheus selects unsorted for
  // queries): aggregations then add up in promtool's order, to the last bit.
  return st_.selections.emplace(std::move(cache_key), std::move(out)).first->second;
}

int64_t Evaluator::reference_time(const At& at, const Offset& offset, int64_t ts) const {
  int64_t off = offset.expr ? duration_ms(*offset.expr, true) : ns_to_ms(offset.nanoseconds);
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
  return base - off;
}

Vector Evaluator::select_vector(const VectorSelector& vs, int64_t ts, bool keep_name) {
  (void)keep_name;
  if (vs.smoothed) return select_smoothed(vs, ts);
  int64_t rt = reference_time(vs.at, vs.offset, ts);
  int64_t min_t = rt - opt_.lookback_delta_ms;
  Vector out;
  for (uint32_t idx : matching_series(vs)) {
    const StoredSeries& ss = st_.series[idx];
    size_t after = ss.seek_after(rt);
    if (after == 0) continue;
    const Sample& last = ss.samples[after - 1];
    if (last.t < min_t || (left_open() && last.t == min_t)) continue;
    if (is_stale_nan(last.v)) continue;
    const FloatHistogram* h = ss.has_histograms ? last.h() : nullptr;
    if (h && !histograms_allowed()) continue;
    out.push_back(VSample{ss.labels, h ? 0 : last.v, last.t, &ss, h});
  }
  return out;
}

Matrix Evaluator::select_matrix(const MatrixSelector& m, int64_t ts) {
  const VectorSelector* vs = m.vector_selector();
  if (vs->anchored || vs->smoothed) return select_extended(m, ts, true);
  int64_t rt = reference_time(vs->at, vs->offset, ts);
  int64_t min_t = rt - range_ms(m);
  Matrix out;
  for (uint32_t idx : matching_series(*vs)) {
    const StoredSeries& ss = st_.series[idx];
    const auto& s = ss.samples;
    auto hi = s.begin() + static_cast<std::ptrdiff_t>(ss.seek_after(rt));
    // Windows are short next to the series: gallop back from the end of the window.
    bool closed = !left_open();
    auto inside = [&](const Sample& x) { return x.t > min_t || (closed && x.t == min_t); };
    auto lo = hi;
    size_t step = 1;
    while (static_cast<size_t>(lo - s.begin()) >= step &&
           inside(*(lo - static_cast<std::ptrdiff_t>(step)))) {
      lo -= static_cast<std::ptrdiff_t>(step);
      step *= 2;
    }
    lo = std::partition_point(lo - std::min(static_cast<std::ptrdiff_t>(step), lo - s.begin()), lo,
                              [&](const Sample& x) { return !inside(x); });
    if (lo == hi) continue;
    MSeries ms;
    ms.labels = ss.labels;
    ms.origin = &ss;
    bool drop_h = ss.has_histograms && !histograms_allowed();
    auto dropped = [&](const Sample& x) { return is_stale_nan(x.v) || (drop_h && x.h()); };
    bool has_stale = std::any_of(lo, hi, dropped);
    if (has_stale) {
      std::vector<Sample> kept;
      for (auto i = lo; i != hi; ++i)
        if (!dropped(*i)) kept.push_back(*i);
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
  int64_t range = sq.range_expr ? duration_ms(*sq.range_expr, false) : ns_to_ms(sq.range_ns);
  int64_t step = sq.step_expr      ? duration_ms(*sq.step_expr, false)
                 : sq.step_ns != 0 ? ns_to_ms(sq.step_ns)
                                   : opt_.default_step_ms;
  if (step <= 0) fail("subquery step must be positive");
  int64_t end = reference_time(sq.at, sq.offset, ts);
  int64_t from = end - range;
  int64_t start = step * (from / step);
  if (start < from || (left_open() && start == from)) start += step;
  // Prometheus stops a query at 50M samples (promtool's default --query.max-samples); a
  // subquery with more steps than that could only end in that error, after a long time.
  if (end >= start && (end - start) / step >= kMaxSamples)
    fail("query processing would load too many samples into memory in subquery execution");
  // Series keyed by label set, kept in the order they first appear, then sorted by labels as
  // Prometheus's matrices are.
  std::unordered_map<std::string, size_t> index;
  struct SubSeries {
    LabelsPtr first;
    std::vector<Sample> second;
    bool drop = false;  // delayed name removal: as the series' first sample was marked
  };
  std::vector<SubSeries> series;
  // The sample limit: the inner nodes' outputs of earlier steps stay held (see sample_limit.cpp).
  SampleMark orig = sample_mark();
  int64_t points = 0;
  SampleAccumulator acc;
  SampleAccumulator* outer = limited() ? swap_accumulator(&acc) : nullptr;
  for (int64_t t = start; t <= end; t += step) {
    set_samples(orig);
    Val v = eval(*sq.expr, t);
    points += v.type == ValueType::kScalar ? 1 : static_cast<int64_t>(v.vec.size());
    auto add = [&](const LabelsPtr& l, double x, const FloatHistogram* h, bool drop = false) {
      auto [it, inserted] = index.try_emplace(labels_key(*l), series.size());
      if (inserted) series.push_back(SubSeries{l, {}, drop});
      series[it->second].second.push_back(Sample::of(t, x, h));
    };
    if (v.type == ValueType::kScalar) {
      static const LabelsPtr kEmpty = make_labels({});
      add(kEmpty, v.scalar, nullptr);
    } else {
      for (const auto& s : v.vec) {
        // Prometheus sets a subquery's reset hints to unknown: its steps may skip or repeat
        // the samples the hints describe.
        const FloatHistogram* h = s.h;
        if (h && (h->hint == CounterResetHint::kReset || h->hint == CounterResetHint::kNotReset)) {
          FloatHistogram copy = *h;
          copy.hint = CounterResetHint::kUnknown;
          h = keep(std::move(copy));
        }
        add(s.labels, s.v, h, s.drop);
      }
    }
  }
  if (limited()) {
    swap_accumulator(outer);
    set_samples({orig.cur + points, orig.in + points});
  }
  std::sort(series.begin(), series.end(),
            [](const auto& a, const auto& b) { return compare_labels(*a.first, *b.first) < 0; });
  Matrix out;
  out.reserve(series.size());
  for (auto& [l, s, drop] : series) {
    MSeries ms;
    ms.labels = l;
    ms.own(std::move(s));
    ms.drop = drop;
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
