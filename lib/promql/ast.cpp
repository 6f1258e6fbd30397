// SPDX-License-Identifier: Apache-2.0
// Types and traversal of the syntax tree.
#include "promql/ast.h"

#include "promql/functions.h"

namespace caxtool::promql {

std::string_view documented_type(ValueType t) {
  switch (t) {
    case ValueType::kScalar:
      return "scalar";
    case ValueType::kVector:
      return "instant vector";
    case ValueType::kMatrix:
      return "range vector";
    case ValueType::kString:
      return "string";
    case ValueType::kNone:
      break;
  }
  return "none";
}

std::string_view value_type_name(ValueType t) {
  switch (t) {
    case ValueType::kScalar:
      return "scalar";
    case ValueType::kVector:
      return "vector";
    case ValueType::kMatrix:
      return "matrix";
    case ValueType::kString:
      return "string";
    case ValueType::kNone:
      break;
  }
  return "none";
}

std::string_view match_op_name(MatchOp op) {
  switch (op) {
    case MatchOp::kEqual:
      return "=";
    case MatchOp::kNotEqual:
      return "!=";
    case MatchOp::kRegex:
      return "=~";
    case MatchOp::kNotRegex:
      return "!~";
  }
  return "=";
}

std::string_view VectorSelector::metric_name() const {
  if (!name.empty()) return name;
  for (const auto& m : matchers)
    if (m.name == "__name__" && m.op == MatchOp::kEqual) return m.value;
  return {};
}

ValueType type_of(const Expr& e) {
  switch (e.kind) {
    case NodeKind::kNumberLiteral:
    case NodeKind::kDurationExpr:
      return ValueType::kScalar;
    case NodeKind::kStringLiteral:
      return ValueType::kString;
    case NodeKind::kVectorSelector:
    case NodeKind::kAggregate:
      return ValueType::kVector;
    case NodeKind::kMatrixSelector:
    case NodeKind::kSubquery:
      return ValueType::kMatrix;
    case NodeKind::kCall: {
      const auto* f = static_cast<const Call&>(e).function;
      return f ? f->return_type : ValueType::kVector;
    }
    case NodeKind::kBinary: {
      const auto& b = static_cast<const Binary&>(e);
      bool scalars = type_of(*b.lhs) == ValueType::kScalar && type_of(*b.rhs) == ValueType::kScalar;
      return scalars ? ValueType::kScalar : ValueType::kVector;
    }
    case NodeKind::kUnary:
      return type_of(*static_cast<const Unary&>(e).expr);
    case NodeKind::kParen:
      return type_of(*static_cast<const Paren&>(e).expr);
  }
  return ValueType::kNone;
}

namespace {

// Calls `f` on each direct child of `e`, in source order. walk() uses it directly: a vector of
// children per node was most of a lint's allocations.
template <typename F>
void for_each_child(const Expr& e, F&& f) {
  auto add = [&f](const ExprPtr& p) {
    if (p) f(*p);
  };
  switch (e.kind) {
    case NodeKind::kNumberLiteral:
    case NodeKind::kStringLiteral:
      break;
    case NodeKind::kVectorSelector:
      add(static_cast<const VectorSelector&>(e).offset.expr);
      break;
    case NodeKind::kMatrixSelector: {
      const auto& m = static_cast<const MatrixSelector&>(e);
      add(m.selector);
      add(m.range_expr);
      break;
    }
    case NodeKind::kSubquery: {
      const auto& s = static_cast<const Subquery&>(e);
      add(s.expr);
      add(s.range_expr);
      add(s.step_expr);
      add(s.offset.expr);
      break;
    }
    case NodeKind::kCall:
      for (const auto& a : static_cast<const Call&>(e).args) add(a);
      break;
    case NodeKind::kAggregate: {
      const auto& a = static_cast<const Aggregate&>(e);
      add(a.param);
      add(a.expr);
      break;
    }
    case NodeKind::kBinary: {
      const auto& b = static_cast<const Binary&>(e);
      add(b.lhs);
      add(b.rhs);
      break;
    }
    case NodeKind::kUnary:
      add(static_cast<const Unary&>(e).expr);
      break;
    case NodeKind::kParen:
      add(static_cast<const Paren&>(e).expr);
      break;
    case NodeKind::kDurationExpr: {
      const auto& d = static_cast<const DurationExpr&>(e);
      add(d.lhs);
      add(d.rhs);
      break;
    }
  }
}

}  // namespace

std::vector<const Expr*> children(const Expr& e) {
  std::vector<const Expr*> out;
  for_each_child(e, [&out](const Expr& c) { out.push_back(&c); });
  return out;
}

void walk(const Expr& e, const std::function<void(const Expr&)>& visit) {
  visit(e);
  for_each_child(e, [&visit](const Expr& c) { walk(c, visit); });
}

}  // namespace caxtool::promql
