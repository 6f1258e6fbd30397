// SPDX-License-Identifier: Apache-2.0
// Which conformance cases the engine can run when native histograms are stored: a walk over the
// expression that follows where histograms can flow (selectors of the metrics loaded with them,
// operators and functions that pass them on) and fails where one would reach a node whose
// histogram form is not implemented. Every operator, aggregation and function has one now; the
// walk stays to keep that so as the language grows (an unknown node kind is not ready).
#include "histogram_readiness.h"

#include <initializer_list>

namespace caxtool::promql::evaltest {
namespace {

// Whether `e` evaluates as Prometheus does when native histograms are stored (`ready`), and
// whether its result can hold none (`floats`): selectors of float-only metrics, and the nodes
// that compute floats from histograms or skip them.
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
      // Every function has its histogram form now: the histogram_* functions, rate and the
      // like compute on them, a few pass them on, the others count or skip them.
      const auto& c = static_cast<const Call&>(e);
      Readiness r;
      for (const auto& a : c.args) {
        Readiness x = readiness(*a, native);
        r.ready = r.ready && x.ready;
        r.floats = r.floats && x.floats;
      }
      static const std::set<std::string> kPass = {"last_over_time", "first_over_time",
                                                  "label_replace",  "label_join",
                                                  "sort_by_label",  "sort_by_label_desc"};
      if (kPass.count(c.name)) return r;
      // Histograms of a range argument give histograms.
      static const std::set<std::string> kRates = {
          "rate", "increase", "delta", "sum_over_time", "avg_over_time", "irate", "idelta"};
      if (kRates.count(c.name)) {
        const Expr* arg = c.args[0].get();
        while (const auto* p = arg->as<Paren>()) arg = p->expr.get();
        return {r.ready, readiness(*arg, native).floats};
      }
      return {r.ready, true};
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
          !b.return_bool &&
          (b.op == Tok::kLand || b.op == Tok::kLor || b.op == Tok::kLunless || b.op == Tok::kMul ||
           b.op == Tok::kDiv || b.op == Tok::kAdd || b.op == Tok::kSub || b.op == Tok::kEqlc ||
           b.op == Tok::kNeq || b.op == Tok::kTrimUpper || b.op == Tok::kTrimLower);
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
