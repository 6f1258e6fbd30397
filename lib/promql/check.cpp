// SPDX-License-Identifier: Apache-2.0
// The checks of Prometheus's checkAST, node by node and in its order, so the first error we
// report is the first error Prometheus reports.
#include "promql/check.h"

#include "promql/functions.h"
#include "promql/literals.h"

namespace caxtool::promql::detail {

namespace {

bool is_comparison(Tok op) {
  switch (op) {
    case Tok::kEqlc:
    case Tok::kNeq:
    case Tok::kLte:
    case Tok::kLss:
    case Tok::kGte:
    case Tok::kGtr:
      return true;
    default:
      return false;
  }
}

bool is_set_operator(Tok op) { return op == Tok::kLand || op == Tok::kLor || op == Tok::kLunless; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Checker {
 public:
  Checker(std::string_view input, const Features& f, std::vector<ParseError>& errors)
      : in_(input), f_(f), errors_(errors) {}

  ValueType check(Expr& e) {
    switch (e.kind) {
      case NodeKind::kAggregate:
        check_aggregate(static_cast<Aggregate&>(e));
        break;
      case NodeKind::kBinary:
        check_binary(static_cast<Binary&>(e));
        break;
      case NodeKind::kCall:
        check_call(static_cast<Call&>(e));
        break;
      case NodeKind::kParen:
        check(*static_cast<Paren&>(e).expr);
        break;
      case NodeKind::kUnary: {
        auto& u = static_cast<Unary&>(e);
        ValueType t = check(*u.expr);
        if (t != ValueType::kScalar && t != ValueType::kVector)
          error(e,
                "unary expression only allowed on expressions of type scalar or instant "
                "vector, got " +
                    go_quote(documented_type(t)));
        break;
      }
      case NodeKind::kSubquery: {
        ValueType t = check(*static_cast<Subquery&>(e).expr);
        if (t != ValueType::kVector)
          error(e, "subquery is only allowed on instant vector, got " +
                       std::string(value_type_name(t)) + " instead");
        break;
      }
      case NodeKind::kMatrixSelector:
        check(*static_cast<MatrixSelector&>(e).selector);
        break;
      case NodeKind::kVectorSelector:
        check_selector(static_cast<VectorSelector&>(e));
        break;
      case NodeKind::kNumberLiteral:
      case NodeKind::kStringLiteral:
      case NodeKind::kDurationExpr:
        break;
    }
    return type_of(e);
  }

 private:
  void error(size_t begin, size_t end, std::string message) {
    errors_.push_back(ParseError{begin, end, std::move(message)});
  }
  void error(const Expr& e, std::string message) { error(e.begin, e.end, std::move(message)); }

  void expect_type(Expr* e, ValueType want, std::string_view context) {
    if (!e) return;
    ValueType t = check(*e);
    if (t != want)
      error(*e, "expected type " + std::string(documented_type(want)) + " in " +
                    std::string(context) + ", got " + std::string(documented_type(t)));
  }

  void check_aggregate(Aggregate& a) {
    expect_type(a.expr.get(), ValueType::kVector, "aggregation expression");
    switch (a.op) {
      case Tok::kTopk:
      case Tok::kBottomk:
      case Tok::kQuantile:
      case Tok::kLimitk:
      case Tok::kLimitRatio:
        expect_type(a.param.get(), ValueType::kScalar, "aggregation parameter");
        break;
      case Tok::kCountValues:
        expect_type(a.param.get(), ValueType::kString, "aggregation parameter");
        break;
      default:
        break;
    }
  }

  void check_binary(Binary& b) {
    ValueType lt = check(*b.lhs);
    ValueType rt = check(*b.rhs);
    // The operator's range: from the end of the left operand to the start of the right one,
    // without surrounding whitespace.
    auto op_error = [&](std::string message) {
      size_t begin = b.lhs->end, end = b.rhs->begin;
      while (begin < end && is_space(in_[begin])) ++begin;
      while (end > begin && is_space(in_[end - 1])) --end;
      error(begin, end, std::move(message));
    };
    if (b.return_bool && !is_comparison(b.op))
      op_error("bool modifier can only be used on comparison operators");
    if (is_comparison(b.op) && !b.return_bool && lt == ValueType::kScalar &&
        rt == ValueType::kScalar)
      op_error("comparisons between scalars must use BOOL modifier");
    VectorMatching& m = *b.matching;
    if (is_set_operator(b.op) && m.card == Cardinality::kOneToOne)
      m.card = Cardinality::kManyToMany;
    if (m.on) {
      for (const auto& l1 : m.matching_labels)
        for (const auto& l2 : m.include)
          if (l1 == l2)
            op_error("label " + go_quote(l1) + " must not occur in ON and GROUP clause at once");
    }
    if (lt != ValueType::kScalar && lt != ValueType::kVector)
      error(*b.lhs, "binary expression must contain only scalar and instant vector types");
    if (rt != ValueType::kScalar && rt != ValueType::kVector)
      error(*b.rhs, "binary expression must contain only scalar and instant vector types");
    bool fill = m.fill_lhs || m.fill_rhs;
    std::string quoted_op = go_quote(token_name(b.op));
    if (lt != ValueType::kVector || rt != ValueType::kVector) {
      if (!m.matching_labels.empty())
        error(b, "vector matching only allowed between instant vectors");
      if (fill) error(b, "filling in missing series only allowed between instant vectors");
      b.matching.reset();
    } else if (is_set_operator(b.op)) {
      if (m.card == Cardinality::kOneToMany || m.card == Cardinality::kManyToOne)
        error(b, "no grouping allowed for " + quoted_op + " operation");
      if (m.card != Cardinality::kManyToMany)
        error(b, "set operations must always be many-to-many");
      if (fill) error(b, "filling in missing series not allowed for set operators");
    }
    if ((lt == ValueType::kScalar || rt == ValueType::kScalar) && is_set_operator(b.op))
      error(b, "set operator " + quoted_op + " not allowed in binary scalar expression");
  }

  void check_call(Call& c) {
    const Function& fn = *c.function;
    const auto types = fn.arg_types();
    size_t declared = types.size();
    size_t n = c.args.size();
    std::string quoted = go_quote(fn.name);
    if (fn.variadic == 0) {
      if (declared != n)
        error(c, "expected " + std::to_string(declared) + " argument(s) in call to " + quoted +
                     ", got " + std::to_string(n));
    } else {
      size_t minimum = declared - 1;
      if (minimum > n) {
        error(c, "expected at least " + std::to_string(minimum) + " argument(s) in call to " +
                     quoted + ", got " + std::to_string(n));
      } else if (fn.variadic > 0 && minimum + static_cast<size_t>(fn.variadic) < n) {
        error(c, "expected at most " + std::to_string(minimum + static_cast<size_t>(fn.variadic)) +
                     " argument(s) in call to " + quoted + ", got " + std::to_string(n));
      }
    }
    if (fn.name == "info" && n > 1 && f_.info_checks) {
      Expr& second = *c.args[1];
      ValueType t = type_of(second);
      if (t != ValueType::kVector)
        error(c, "expected type instant vector in call to function \"info\", got " +
                     std::string(documented_type(t)));
      auto* vs = second.as<VectorSelector>();
      if (vs && !vs->name.empty()) {
        error(second, "expected label selectors only, got vector selector instead");
      } else if (vs) {
        vs->bypass_empty_matcher_check = true;
      } else if (f_.info_selector_message) {
        error(second, "expected label selectors only");
      }
    }
    for (size_t i = 0; i < n; ++i) {
      size_t k = i;
      if (k >= declared) {
        if (fn.variadic == 0) break;  // surplus arguments of a fixed-arity call go unchecked
        k = declared - 1;
      }
      ValueType t = check(*c.args[i]);
      if (t != types[k])
        error(*c.args[i], "expected type " + std::string(documented_type(types[k])) +
                              " in call to function " + quoted + ", got " +
                              std::string(documented_type(t)));
    }
  }

  void check_selector(VectorSelector& vs) {
    if (!vs.name.empty()) {
      for (const auto& m : vs.matchers)
        if (m.name == "__name__")
          error(vs, "metric name must not be set twice: " + go_quote(vs.name) + " or " +
                        go_quote(m.value));
      return;
    }
    if (vs.bypass_empty_matcher_check) return;
    for (const auto& m : vs.matchers)
      if (!m.matches_empty) return;
    error(vs, "vector selector must contain at least one non-empty matcher");
  }

  std::string_view in_;
  const Features& f_;
  std::vector<ParseError>& errors_;
};

}  // namespace

void type_check(Expr& e, std::string_view input, const Features& features,
                std::vector<ParseError>& errors) {
  Checker(input, features, errors).check(e);
}

}  // namespace caxtool::promql::detail
