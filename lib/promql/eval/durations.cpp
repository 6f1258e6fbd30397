// SPDX-License-Identifier: Apache-2.0
// Duration expressions (3.4+, always on since 3.14) in ranges, subquery steps and offsets:
// evaluated in seconds as Prometheus's durationVisitor does, with step() the query's step and
// range() its length, then checked and turned into milliseconds.
#include <cmath>

#include "promql/eval/internal.h"

namespace caxtool::promql::eval::detail {
namespace {

double seconds(const Expr& e, int64_t step_ms, int64_t range_ms) {
  if (const auto* n = e.as<NumberLiteral>()) return n->value;
  if (const auto* p = e.as<Paren>()) return seconds(*p->expr, step_ms, range_ms);
  const auto* d = e.as<DurationExpr>();
  if (!d) fail("unexpected duration expression");
  double l = d->lhs ? seconds(*d->lhs, step_ms, range_ms) : 0;
  double r = d->rhs ? seconds(*d->rhs, step_ms, range_ms) : 0;
  auto where = [&] { return std::to_string(e.begin) + ":" + std::to_string(e.end) + ": "; };
  switch (d->op) {
    case Tok::kStep:
      return static_cast<double>(step_ms) / 1000;
    case Tok::kRange:
      return static_cast<double>(range_ms) / 1000;
    case Tok::kMinOf:
      return std::fmin(l, r);
    case Tok::kMaxOf:
      return std::fmax(l, r);
    case Tok::kAdd:
      return d->lhs ? l + r : r;
    case Tok::kSub:
      return d->lhs ? l - r : -r;
    case Tok::kMul:
      return l * r;
    case Tok::kDiv:
      if (r == 0) fail(where() + "division by zero");
      return l / r;
    case Tok::kMod:
      if (r == 0) fail(where() + "modulo by zero");
      return std::fmod(l, r);
    case Tok::kPow:
      return std::pow(l, r);
    default:
      fail("unexpected duration expression operator \"" + std::string(token_name(d->op)) + "\"");
  }
}

}  // namespace

int64_t Evaluator::duration_ms(const Expr& e, bool allow_negative) const {
  double s = seconds(e, step_, end_ - start_);
  std::string where = std::to_string(e.begin) + ":" + std::to_string(e.end) + ": ";
  if (std::isnan(s) || std::isinf(s)) fail(where + "duration is NaN or infinite");
  if (s <= 0 && !allow_negative) fail(where + "duration must be greater than 0");
  if (s > 9223372036.854775807 || s < -9223372036.854775808)
    fail(where + "duration is out of range");
  return static_cast<int64_t>(s * 1000);
}

}  // namespace caxtool::promql::eval::detail
