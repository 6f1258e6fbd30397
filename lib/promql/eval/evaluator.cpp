// SPDX-License-Identifier: Apache-2.0
// The entry points and the dispatch over node kinds. A range query is the instant evaluation
// at each step, its vectors merged into series by label set: Prometheus's range evaluation is
// defined to agree with that, and rule evaluation (the hot path) is instant queries anyway.
#include <algorithm>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval {
namespace detail {
namespace {

void check_unique_labelsets(const Vector& v) {
  if (v.size() < 2) return;
  // By hash (precomputed for stored series), comparing label sets only when hashes collide.
  std::unordered_multimap<uint64_t, const Labels*> seen;
  seen.reserve(v.size());
  for (const auto& s : v) {
    uint64_t h = (s.origin && s.labels == s.origin->nameless) ? s.origin->nameless_hash
                                                              : hash_labels(*s.labels);
    auto [b, e] = seen.equal_range(h);
    for (auto it = b; it != e; ++it)
      if (*it->second == *s.labels) fail("vector cannot contain metrics with the same labelset");
    seen.emplace(h, s.labels.get());
  }
}

}  // namespace

bool takes_histograms(const Expr& e) {
  if (const auto* c = e.as<Call>()) {
    // Range functions skip the histograms they ignore themselves (histogram_range.cpp).
    if (is_range_function(c->name)) return true;
    static const std::string_view kNames[] = {
        "histogram_count", "histogram_sum", "histogram_avg", "histogram_fraction",
        "histogram_quantile", "histogram_quantiles", "histogram_stddev", "histogram_stdvar", "rate",
        "increase", "delta",
        // histograms pass through, or count as samples
        "last_over_time", "first_over_time", "count_over_time", "present_over_time",
        "absent_over_time", "timestamp", "label_replace", "label_join", "ts_of_first_over_time",
        "ts_of_last_over_time", "absent", "sort_by_label", "sort_by_label_desc", "info",
        // histogram forms: histogram_range.cpp
        "changes", "resets", "sum_over_time", "avg_over_time", "irate", "idelta"};
    return std::find(std::begin(kNames), std::end(kNames), c->name) != std::end(kNames);
  }
  // Every binary operator takes histograms: set operators pass them through, arithmetic and
  // == != have histogram forms, the other pairings drop them (binary.cpp).
  if (e.kind == NodeKind::kBinary || e.kind == NodeKind::kUnary) return true;
  // Every aggregation takes histograms: sum and avg aggregate them, count, group, count_values
  // and limitk take them as samples, the others skip them (aggregations.cpp).
  return e.kind == NodeKind::kAggregate;
}

Val Evaluator::eval(const Expr& e, int64_t ts) {
  SampleMark orig = sample_mark();
  std::optional<HistogramScope> scope;
  if (e.kind == NodeKind::kCall || e.kind == NodeKind::kAggregate || e.kind == NodeKind::kBinary ||
      e.kind == NodeKind::kUnary)
    scope.emplace(*this, takes_histograms(e));
  switch (e.kind) {
    case NodeKind::kNumberLiteral:
      count_range_eval(e, orig, 1);
      return Val::of_scalar(static_cast<const NumberLiteral&>(e).value);
    case NodeKind::kStringLiteral: {
      Val r;
      r.type = ValueType::kString;
      r.str = static_cast<const StringLiteral&>(e).value;
      return r;
    }
    case NodeKind::kParen:
      return eval(*static_cast<const Paren&>(e).expr, ts);
    case NodeKind::kVectorSelector: {
      Val r = Val::of_vector(select_vector(static_cast<const VectorSelector&>(e), ts));
      count_selected(e, orig, static_cast<int64_t>(r.vec.size()));
      return r;
    }
    case NodeKind::kMatrixSelector: {
      Val r;
      r.type = ValueType::kMatrix;
      r.mat = select_matrix(static_cast<const MatrixSelector&>(e), ts);
      if (limited()) {
        int64_t points = 0;
        for (const auto& s : r.mat) points += static_cast<int64_t>(s.size);
        count_selected(e, orig, points, false);
      }
      return r;
    }
    case NodeKind::kSubquery: {
      Val r;
      r.type = ValueType::kMatrix;
      r.mat = eval_subquery(static_cast<const Subquery&>(e), ts);
      return r;
    }
    case NodeKind::kUnary: {
      const auto& u = static_cast<const Unary&>(e);
      Val v = eval(*u.expr, ts);
      if (u.op != Tok::kSub) return v;
      if (v.type == ValueType::kScalar) {
        v.scalar = -v.scalar;
        return v;
      }
      for (auto& s : v.vec) {
        s.v = -s.v;
        if (s.h) {
          FloatHistogram neg = *s.h;
          neg.scale(-1);
          s.v = 0;
          s.h = keep(std::move(neg));
        }
        drop_name_of(s);
      }
      if (!delayed_names()) check_unique_labelsets(v.vec);
      return v;
    }
    case NodeKind::kCall: {
      const auto& c = static_cast<const Call&>(e);
      Val v = eval_call(c, ts);
      // With delayed name removal only the label functions check (Prometheus merges their
      // series, names and all); the others' duplicates are found when the names go.
      bool relabels = c.name == "label_replace" || c.name == "label_join";
      if (v.type == ValueType::kVector && (!delayed_names() || relabels))
        check_unique_labelsets(v.vec);
      // Range functions count their window points themselves (functions.cpp).
      if (limited() && !is_range_function(c.name)) {
        // timestamp(selector) selects inside its own rangeEval: the selection is not gathered
        // again as an input.
        bool direct = c.name == "timestamp" && !c.args.empty() &&
                      unwrap(c.args[0].get())->kind == NodeKind::kVectorSelector;
        count_range_eval(e, orig,
                         v.type == ValueType::kVector ? static_cast<int64_t>(v.vec.size()) : 1,
                         !direct);
      }
      return v;
    }
    case NodeKind::kAggregate: {
      Val v = eval_aggregate(static_cast<const Aggregate&>(e), ts);
      count_range_eval(e, orig, static_cast<int64_t>(v.vec.size()));
      return v;
    }
    case NodeKind::kBinary: {
      Val v = eval_binary(static_cast<const Binary&>(e), ts);
      if (v.type == ValueType::kVector && !delayed_names()) check_unique_labelsets(v.vec);
      count_range_eval(e, orig,
                       v.type == ValueType::kVector ? static_cast<int64_t>(v.vec.size()) : 1);
      return v;
    }
    case NodeKind::kDurationExpr:
      fail("duration expressions are not supported by this evaluator");
  }
  fail("unknown expression");
}

}  // namespace detail

namespace {

void to_public_vector(const detail::Vector& in, int64_t t, std::vector<Series>& out) {
  out.reserve(in.size());
  for (const auto& s : in) out.push_back(Series{*s.labels, {Sample::of(t, s.v, s.h)}});
}

void to_public_matrix(const detail::Matrix& in, std::vector<Series>& out) {
  out.reserve(in.size());
  for (const auto& s : in) {
    auto sp = s.samples();
    out.push_back(Series{*s.labels, std::vector<Sample>(sp.begin(), sp.end())});
  }
}

std::vector<char> drop_flags(const detail::Val& v) {
  std::vector<char> flags;
  if (v.type == ValueType::kVector)
    for (const auto& s : v.vec) flags.push_back(s.drop);
  if (v.type == ValueType::kMatrix)
    for (const auto& s : v.mat) flags.push_back(s.drop);
  return flags;
}

}  // namespace

EvalResult eval_instant(const Expr& expr, int64_t t, const Storage& storage,
                        const EvalOptions& options) {
  EvalResult r;
  detail::Evaluator ev(storage.impl(), options, t, t);
  try {
    detail::Val v = ev.eval(expr, t);
    r.value.type = v.type;
    switch (v.type) {
      case ValueType::kScalar:
        r.value.scalar = v.scalar;
        r.value.scalar_t = t;
        break;
      case ValueType::kString:
        r.value.string = std::move(v.str);
        break;
      case ValueType::kVector:
        to_public_vector(v.vec, t, r.value.series);
        break;
      case ValueType::kMatrix:
        to_public_matrix(v.mat, r.value.series);
        break;
      case ValueType::kNone:
        break;
    }
    if (options.delayed_name_removal) detail::remove_marked_names(r.value.series, drop_flags(v));
  } catch (const detail::EvalError& e) {
    r.error = e.message;
  }
  r.value.histograms = ev.arena();
  r.warnings = std::move(ev.warnings);
  return r;
}

EvalResult eval_range(const Expr& expr, int64_t start, int64_t end, int64_t step,
                      const Storage& storage, const EvalOptions& options) {
  EvalResult r;
  r.value.type = ValueType::kMatrix;
  if (step <= 0) {
    r.error = "zero or negative query resolution step widths are not accepted";
    return r;
  }
  ValueType type = type_of(expr);
  if (type != ValueType::kScalar && type != ValueType::kVector) {
    r.error = "invalid expression type \"" + std::string(documented_type(type)) +
              "\" for range query, must be Scalar or instant Vector";
    return r;
  }
  if (end >= start && (end - start) / step >= detail::kMaxSamples) {
    r.error = "query processing would load too many samples into memory in query execution";
    return r;
  }
  detail::Evaluator ev(storage.impl(), options, start, end);
  ev.set_step(step);
  // The sample limit counts each node's outputs of every step (sample_limit.cpp).
  detail::Evaluator::SampleAccumulator acc;
  if (options.max_samples > 0) ev.swap_accumulator(&acc);
  std::unordered_map<std::string, size_t> index;
  std::vector<char> drop;  // delayed name removal: each series' mark, as its first sample's
  try {
    for (int64_t t = start; t <= end; t += step) {
      ev.set_samples({});
      detail::Val v = ev.eval(expr, t);
      auto add = [&](const Labels& l, double x, const FloatHistogram* h, bool d) {
        auto [it, inserted] = index.try_emplace(detail::labels_key(l), r.value.series.size());
        if (inserted) {
          r.value.series.push_back(Series{l, {}});
          drop.push_back(d);
        }
        r.value.series[it->second].samples.push_back(Sample::of(t, x, h));
      };
      if (v.type == ValueType::kScalar) {
        add(Labels{}, v.scalar, nullptr, false);
      } else {
        for (const auto& s : v.vec) add(*s.labels, s.v, s.h, s.drop);
      }
    }
    if (options.delayed_name_removal) detail::remove_marked_names(r.value.series, drop);
  } catch (const detail::EvalError& e) {
    r.error = e.message;
    r.value.series.clear();
  }
  std::sort(r.value.series.begin(), r.value.series.end(), [](const Series& a, const Series& b) {
    return detail::compare_labels(a.labels, b.labels) < 0;
  });
  r.value.histograms = ev.arena();
  r.warnings = std::move(ev.warnings);
  return r;
}

}  // namespace caxtool::promql::eval
