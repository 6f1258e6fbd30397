// SPDX-License-Identifier: Apache-2.0
// The PromQL syntax tree. Nodes mirror Prometheus's promql/parser AST (so lint checks can be
// written the way pint writes them against Go's), carry byte offsets into the expression, and
// own their strings: a tree outlives the text it was parsed from.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "promql/token.h"

namespace caxtool::promql {

enum class ValueType { kScalar, kVector, kMatrix, kString, kNone };

// Prometheus's DocumentedType: "scalar", "instant vector", "range vector", "string", "none".
std::string_view documented_type(ValueType t);
// Prometheus's ValueType string: "scalar", "vector", "matrix", "string", "none".
std::string_view value_type_name(ValueType t);

enum class NodeKind {
  kNumberLiteral,
  kStringLiteral,
  kVectorSelector,
  kMatrixSelector,
  kSubquery,
  kCall,
  kAggregate,
  kBinary,
  kUnary,
  kParen,
  kDurationExpr,
};

struct Function;

struct Expr {
  const NodeKind kind;
  size_t begin = 0;  // byte offsets into the expression: [begin, end)
  size_t end = 0;
  uint32_t height = 1;  // nodes on the longest path down from here, this one included

  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  // The node as T, or nullptr when it is another kind.
  template <class T>
  const T* as() const {
    return kind == T::kKind ? static_cast<const T*>(this) : nullptr;
  }
  template <class T>
  T* as() {
    return kind == T::kKind ? static_cast<T*>(this) : nullptr;
  }

 protected:
  explicit Expr(NodeKind k) : kind(k) {}
};

using ExprPtr = std::unique_ptr<Expr>;

struct NumberLiteral final : Expr {
  static constexpr NodeKind kKind = NodeKind::kNumberLiteral;
  NumberLiteral() : Expr(kKind) {}
  double value = 0;
  bool is_duration = false;  // written as a duration ("5m"), 2.54+
};

struct StringLiteral final : Expr {
  static constexpr NodeKind kKind = NodeKind::kStringLiteral;
  StringLiteral() : Expr(kKind) {}
  std::string value;  // unquoted
};

enum class MatchOp { kEqual, kNotEqual, kRegex, kNotRegex };
std::string_view match_op_name(MatchOp op);  // "=", "!=", "=~", "!~"

struct Matcher {
  std::string name;
  MatchOp op = MatchOp::kEqual;
  std::string value;  // unquoted
  size_t begin = 0, end = 0;
  bool matches_empty = false;  // whether a series without the label is selected
};

// `offset` as written: a fixed duration, or (3.4+) a duration expression.
struct Offset {
  int64_t nanoseconds = 0;
  ExprPtr expr;  // a DurationExpr when the offset is computed
  bool set() const { return nanoseconds != 0 || expr != nullptr; }
};

// The `@` modifier.
struct At {
  enum class Kind { kNone, kTimestamp, kStart, kEnd };
  Kind kind = Kind::kNone;
  int64_t milliseconds = 0;  // for kTimestamp
};

struct VectorSelector final : Expr {
  static constexpr NodeKind kKind = NodeKind::kVectorSelector;
  VectorSelector() : Expr(kKind) {}
  // The metric name written before the braces ("foo" in foo{a="b"}); empty otherwise. It is
  // not repeated in `matchers`.
  std::string name;
  // The matchers inside the braces, in source order. A bare quoted name ({"foo"}) is a
  // __name__="foo" matcher.
  std::vector<Matcher> matchers;
  Offset offset;
  At at;
  bool anchored = false;                    // 3.7+
  bool smoothed = false;                    // 3.7+
  bool bypass_empty_matcher_check = false;  // info()'s second argument

  // The metric name from `name`, or from a __name__="..." matcher; empty if neither.
  std::string_view metric_name() const;
};

struct MatrixSelector final : Expr {
  static constexpr NodeKind kKind = NodeKind::kMatrixSelector;
  MatrixSelector() : Expr(kKind) {}
  // A VectorSelector once type-checked (anything else is an error); its offset and @ are the
  // range selector's, as in Prometheus.
  ExprPtr selector;
  int64_t range_ns = 0;
  ExprPtr range_expr;  // 3.4+ duration expression instead of range_ns
  const VectorSelector* vector_selector() const { return selector->as<VectorSelector>(); }
};

struct Subquery final : Expr {
  static constexpr NodeKind kKind = NodeKind::kSubquery;
  Subquery() : Expr(kKind) {}
  ExprPtr expr;
  int64_t range_ns = 0;
  int64_t step_ns = 0;  // 0: the default evaluation interval
  ExprPtr range_expr;
  ExprPtr step_expr;
  Offset offset;
  At at;
};

struct Call final : Expr {
  static constexpr NodeKind kKind = NodeKind::kCall;
  Call() : Expr(kKind) {}
  std::string name;
  const Function* function = nullptr;  // null only in a tree that failed to parse
  std::vector<ExprPtr> args;
};

struct Aggregate final : Expr {
  static constexpr NodeKind kKind = NodeKind::kAggregate;
  Aggregate() : Expr(kKind) {}
  Tok op = Tok::kSum;  // an aggregator token: kSum, kTopk, kCountValues, ...
  std::vector<std::string> grouping;
  bool without = false;
  bool has_grouping = false;  // `by`/`without` written (possibly with an empty list)
  ExprPtr param;              // topk's k, quantile's φ, count_values' label, ...
  ExprPtr expr;
  std::string_view op_name() const { return token_name(op); }
};

enum class Cardinality { kOneToOne, kManyToOne, kOneToMany, kManyToMany };

struct VectorMatching {
  Cardinality card = Cardinality::kOneToOne;
  std::vector<std::string> matching_labels;  // on(...) or ignoring(...)
  bool on = false;
  std::vector<std::string> include;  // group_left(...)/group_right(...)
  std::optional<double> fill_lhs;    // 3.10+
  std::optional<double> fill_rhs;
};

struct Binary final : Expr {
  static constexpr NodeKind kKind = NodeKind::kBinary;
  Binary() : Expr(kKind) {}
  Tok op = Tok::kAdd;  // an operator token
  bool return_bool = false;
  // Present between two instant vectors (the type checker drops it otherwise, as Prometheus
  // does).
  std::optional<VectorMatching> matching;
  ExprPtr lhs, rhs;
  std::string_view op_name() const { return token_name(op); }
};

struct Unary final : Expr {
  static constexpr NodeKind kKind = NodeKind::kUnary;
  Unary() : Expr(kKind) {}
  Tok op = Tok::kSub;  // kAdd or kSub
  ExprPtr expr;
};

struct Paren final : Expr {
  static constexpr NodeKind kKind = NodeKind::kParen;
  Paren() : Expr(kKind) {}
  ExprPtr expr;
};

// 3.4+ arithmetic on durations inside [...] and after offset: lhs op rhs, a unary minus (lhs
// null), or step(), range(), min_of(a, b), max_of(a, b).
struct DurationExpr final : Expr {
  static constexpr NodeKind kKind = NodeKind::kDurationExpr;
  DurationExpr() : Expr(kKind) {}
  Tok op = Tok::kAdd;
  ExprPtr lhs, rhs;
  bool wrapped = false;  // written in parentheses
};

// The type Prometheus gives the expression.
ValueType type_of(const Expr& e);

// The direct children of a node, in source order (the offset and range expressions of
// selectors and subqueries included).
std::vector<const Expr*> children(const Expr& e);

// Calls `visit` on `e` and every node below it, parents before children.
void walk(const Expr& e, const std::function<void(const Expr&)>& visit);

}  // namespace caxtool::promql
