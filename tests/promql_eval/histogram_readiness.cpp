// SPDX-License-Identifier: Apache-2.0
// Which conformance cases the engine can run when native histograms are stored: a walk over the
// expression that follows where histograms can flow (selectors of the metrics loaded with them,
// operators and functions that pass them on) and fails where one would reach a node whose
// histogram form is not implemented.
#include "histogram_readiness.h"

#include <initializer_list>

namespace caxtool::promql::evaltest {
namespace {

// Whether `e` evaluates as Prometheus does when native histograms are stored (`ready`), and
// whether its result can hold none (`floats`): selectors of float-only metrics, the
// histogram_* functions and functions Prometheus makes ignore histograms. Operators,
// aggregations and other functions are ready only when no histogram reaches them.
struct Readiness {
  bool ready = true, floats = true;
};
Readiness readiness(const Expr& e, const std::set<std::string>& native) {
  auto all = [&](std::initializer_list<const Expr*> xs) {
    Readiness r;
    for (const Expr* x : xs) {
      if (!x) continue;
      Readiness c = readiness(*x, native);
      r.ready = r.ready && c.ready;
      r.floats = r.floats && c.floats;
    }
    return r;
  };
  switch (e.kind) {
    case NodeKind::kNumberLiteral:
    case NodeKind::kStringLiteral:
      return {};
    case NodeKind::kVectorSelector: {
      const auto& vs = static_cast<const VectorSelector&>(e);
      bool named = !vs.name.empty();
      for (const auto& m : vs.matchers)
        if (m.name == "__name__") named = false;
      return {true, named && !native.count(vs.name)};
    }
    case NodeKind::kMatrixSelector:
      return readiness(*static_cast<const MatrixSelector&>(e).selector, native);
    case NodeKind::kParen:
      return readiness(*static_cast<const Paren&>(e).expr, native);
    case NodeKind::kSubquery:
      return readiness(*static_cast<const Subquery&>(e).expr, native);
    case NodeKind::kCall: {
      const auto& c = static_cast<const Call&>(e);
      static const std::set<std::string> kNative = {
          "histogram_count",  "histogram_sum",    "histogram_avg",      "histogram_fraction",
          "histogram_stddev", "histogram_stdvar", "histogram_quantile", "histogram_quantiles"};
      static const std::set<std::string> kDrop = {
          "abs", "ceil", "floor", "exp",   "sqrt",  "ln",        "log2",     "log10",
          "sgn", "deg",  "rad",   "round", "clamp", "clamp_min", "clamp_max"};
      Readiness r;
      for (const auto& a : c.args) {
        Readiness x = readiness(*a, native);
        r.ready = r.ready && x.ready;
        r.floats = r.floats && x.floats;
      }
      // Histograms pass through these, or count as samples.
      static const std::set<std::string> kPass = {"last_over_time", "first_over_time",
                                                  "label_replace",  "label_join",
                                                  "sort_by_label",  "sort_by_label_desc"};
      static const std::set<std::string> kCount = {
          "count_over_time", "present_over_time",    "absent_over_time",      "timestamp",
          "absent",          "ts_of_last_over_time", "ts_of_first_over_time", "changes",
          "resets"};
      // Functions Prometheus makes skip histogram samples.
      static const std::set<std::string> kIgnore = {"min_over_time",
                                                    "max_over_time",
                                                    "stddev_over_time",
                                                    "stdvar_over_time",
                                                    "quantile_over_time",
                                                    "mad_over_time",
                                                    "ts_of_min_over_time",
                                                    "ts_of_max_over_time",
                                                    "deriv",
                                                    "predict_linear",
                                                    "double_exponential_smoothing",
                                                    "holt_winters",
                                                    "sort",
                                                    "sort_desc",
                                                    "scalar",
                                                    "day_of_month",
                                                    "day_of_week",
                                                    "day_of_year",
                                                    "days_in_month",
                                                    "hour",
                                                    "minute",
                                                    "month",
                                                    "year",
                                                    "sin",
                                                    "cos",
                                                    "tan",
                                                    "asin",
                                                    "acos",
                                                    "atan",
                                                    "sinh",
                                                    "cosh",
                                                    "tanh",
                                                    "asinh",
                                                    "acosh",
                                                    "atanh"};
      if (kPass.count(c.name)) return r;
      if (kCount.count(c.name) || kIgnore.count(c.name)) return {r.ready, true};
      // rate, increase, delta, sum_over_time and avg_over_time over a selector or subquery of
      // histograms.
      static const std::set<std::string> kRates = {
          "rate", "increase", "delta", "sum_over_time", "avg_over_time", "irate", "idelta"};
      if (kRates.count(c.name)) {
        const Expr* arg = c.args[0].get();
        while (const auto* p = arg->as<Paren>()) arg = p->expr.get();
        return {r.ready, !readiness(*arg, native).floats ? false : true};
      }
      if (kNative.count(c.name) || kDrop.count(c.name)) {
        bool range_arg = false;
        for (const auto& a : c.args) range_arg |= a->kind == NodeKind::kMatrixSelector;
        return {r.ready && !range_arg, true};
      }
      return {r.ready && r.floats, true};
    }
    case NodeKind::kAggregate: {
      const auto& a = static_cast<const Aggregate&>(e);
      Readiness r = all({a.expr.get(), a.param.get()});
      // sum and avg aggregate histograms, limitk (and limit_ratio) pass them on; count, group
      // and count_values count them; the others skip them.
      bool passes = a.op == Tok::kSum || a.op == Tok::kAvg || a.op == Tok::kLimitk ||
                    a.op == Tok::kLimitRatio;
      return {r.ready, passes ? r.floats : true};
    }
    case NodeKind::kBinary: {
      const auto& b = static_cast<const Binary&>(e);
      Readiness r = all({b.lhs.get(), b.rhs.get()});
      // Set operators pass histograms on, arithmetic, trimming and == != have histogram forms;
      // the other operators drop them.
      bool hist_op =
          !b.return_bool && (b.op == Tok::kLand || b.op == Tok::kLor || b.op == Tok::kLunless ||
                             b.op == Tok::kMul || b.op == Tok::kDiv || b.op == Tok::kAdd ||
                             b.op == Tok::kSub || b.op == Tok::kEqlc || b.op == Tok::kNeq);
      return {r.ready, hist_op ? r.floats : true};
    }
    case NodeKind::kUnary: {
      return readiness(*static_cast<const Unary&>(e).expr, native);
    }
    default:
      return {false, false};
  }
}

}  // namespace

bool histogram_ready(const Expr& e, const std::set<std::string>& native) {
  return readiness(e, native).ready;
}

}  // namespace caxtool::promql::evaltest
