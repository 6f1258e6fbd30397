// SPDX-License-Identifier: Apache-2.0
// The PromQL parser: recursive descent with precedence climbing over the grammar of
// Prometheus's generated_parser.y. Postfix modifiers ([...], offset, @, anchored, smoothed)
// bind tightest, then ^ (right-associative), unary +/- and * / % atan2, + -, comparisons,
// and/unless, or. Semantic errors the Go grammar reports in its actions are recorded and
// parsing goes on; a syntax error ends the parse, as Prometheus reports only the first.
#include "promql/parser.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <limits>

#include "promql/check.h"
#include "promql/lexer.h"
#include "promql/literals.h"
#include "promql/regex.h"

namespace caxtool::promql {

namespace {

using detail::Features;
using detail::Lexer;

struct SyntaxFailure {};

constexpr int kPowPrecedence = 6;

int precedence(Tok t) {
  switch (t) {
    case Tok::kLor:
      return 1;
    case Tok::kLand:
    case Tok::kLunless:
      return 2;
    case Tok::kEqlc:
    case Tok::kNeq:
    case Tok::kLte:
    case Tok::kLss:
    case Tok::kGte:
    case Tok::kGtr:
    case Tok::kTrimUpper:
    case Tok::kTrimLower:
      return 3;
    case Tok::kAdd:
    case Tok::kSub:
      return 4;
    case Tok::kMul:
    case Tok::kDiv:
    case Tok::kMod:
    case Tok::kAtan2:
      return 5;
    case Tok::kPow:
      return kPowPrecedence;
    default:
      return 0;
  }
}

int duration_precedence(Tok t) {
  switch (t) {
    case Tok::kAdd:
    case Tok::kSub:
      return 4;
    case Tok::kMul:
    case Tok::kDiv:
    case Tok::kMod:
      return 5;
    case Tok::kPow:
      return kPowPrecedence;
    default:
      return 0;
  }
}

// Keywords that may name a metric (the grammar's metric_identifier).
bool is_metric_keyword(Tok t) {
  switch (t) {
    case Tok::kBy:
    case Tok::kWithout:
    case Tok::kOffset:
    case Tok::kLand:
    case Tok::kLor:
    case Tok::kLunless:
    case Tok::kStart:
    case Tok::kEnd:
    case Tok::kStep:
    case Tok::kRange:
    case Tok::kAnchored:
    case Tok::kSmoothed:
    case Tok::kFill:
    case Tok::kFillLeft:
    case Tok::kFillRight:
    case Tok::kMaxOf:
    case Tok::kMinOf:
      return true;
    default:
      return is_aggregator(t);
  }
}

// Tokens that may name a label in by/without/on/ignoring/group_x lists (maybe_label).
bool is_label_token(Tok t) {
  switch (t) {
    case Tok::kIdentifier:
    case Tok::kMetricIdentifier:
    case Tok::kBool:
    case Tok::kBy:
    case Tok::kGroupLeft:
    case Tok::kGroupRight:
    case Tok::kIgnoring:
    case Tok::kLand:
    case Tok::kLor:
    case Tok::kLunless:
    case Tok::kOffset:
    case Tok::kOn:
    case Tok::kStart:
    case Tok::kEnd:
    case Tok::kAtan2:
    case Tok::kStep:
    case Tok::kRange:
    case Tok::kAnchored:
    case Tok::kSmoothed:
    case Tok::kFill:
    case Tok::kFillLeft:
    case Tok::kFillRight:
    case Tok::kMaxOf:
    case Tok::kMinOf:
      return true;
    default:
      return is_aggregator(t);
  }
}

bool is_parameterised(Tok op) {
  return op == Tok::kTopk || op == Tok::kBottomk || op == Tok::kCountValues ||
         op == Tok::kQuantile || op == Tok::kLimitk || op == Tok::kLimitRatio;
}

// time.Duration(d).Seconds() for a whole number of nanoseconds.
double seconds(int64_t ns) {
  return static_cast<double>(ns / 1'000'000'000) + static_cast<double>(ns % 1'000'000'000) / 1e9;
}

// Go's float64 -> int64 conversion, saturated instead of undefined.
int64_t to_int64(double v) {
  if (std::isnan(v)) return std::numeric_limits<int64_t>::min();
  if (v >= 9.2233720368547758e18) return std::numeric_limits<int64_t>::max();
  if (v <= -9.2233720368547758e18) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(v);
}

// Go's time.Duration(ms) * time.Millisecond, saturated instead of wrapping.
int64_t milliseconds_to_ns(int64_t ms) {
  constexpr int64_t kLimit = std::numeric_limits<int64_t>::max() / 1'000'000;
  if (ms > kLimit) return std::numeric_limits<int64_t>::max();
  if (ms < -kLimit) return std::numeric_limits<int64_t>::min();
  return ms * 1'000'000;
}

int64_t negate(int64_t v) {
  return v == std::numeric_limits<int64_t>::min() ? std::numeric_limits<int64_t>::max() : -v;
}

template <class T>
std::unique_ptr<T> make(size_t begin) {
  auto n = std::make_unique<T>();
  n->begin = begin;
  return n;
}

// Go's %f, which spells infinities and NaN its own way.
std::string go_float_f(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[400];
  std::snprintf(buf, sizeof buf, "%f", v);
  return buf;
}

class Parser {
 public:
  Parser(std::string_view input, const ParseOptions& options)
      : in_(input), f_(options), lex_(input, f_) {}

  ParseResult run() {
    ParseResult result;
    advance();
    if (tok_.kind == Tok::kEof) {
      error(0, 0, "no expression found in input");
    } else {
      try {
        ExprPtr e = parse_expr(0);
        if (tok_.kind != Tok::kEof) unexpected("", "");
        result.expr = std::move(e);
      } catch (const SyntaxFailure&) {
      }
    }
    if (result.expr && errors_.empty()) detail::type_check(*result.expr, in_, f_, errors_);
    result.errors = std::move(errors_);
    return result;
  }

 private:
  // ---- Tokens and errors ----

  std::string_view text(const Token& t) const { return in_.substr(t.begin, t.end - t.begin); }

  // A lexer error is reported when the parser gets stuck on it, not when it is read: the Go
  // grammar finishes the reductions that need no lookahead first, so their errors come first.
  Token fetch() { return lex_.next(); }

  void advance() {
    prev_end_ = tok_.end;
    if (has_ahead_) {
      tok_ = ahead_;
      has_ahead_ = false;
    } else {
      tok_ = fetch();
    }
  }

  const Token& lookahead() {
    if (!has_ahead_) {
      ahead_ = fetch();
      has_ahead_ = true;
    }
    return ahead_;
  }

  void error(size_t begin, size_t end, std::string message) {
    errors_.push_back(ParseError{begin, end, std::move(message)});
  }
  void error(const Expr& e, std::string message) { error(e.begin, e.end, std::move(message)); }
  void error(const Token& t, std::string message) { error(t.begin, t.end, std::move(message)); }

  std::string unexpected_message(const Token& t, std::string_view context,
                                 std::string_view expected) const {
    std::string m = "unexpected " + describe_token(t.kind, text(t));
    if (!context.empty()) m.append(" in ").append(context);
    if (!expected.empty()) m.append(", expected ").append(expected);
    return m;
  }

  // A syntax error at the current token; the parse ends.
  // A generic error inside an aggregation's arguments is worded "in aggregation", as the Go
  // grammar's error recovery words it.
  [[noreturn]] void unexpected(std::string_view context, std::string_view expected) {
    if (context.empty() && expected.empty() && aggregation_depth_ > 0) context = "aggregation";
    if (tok_.kind == Tok::kError)
      error(tok_, lex_.error());
    else
      error(tok_, unexpected_message(tok_, context, expected));
    throw SyntaxFailure{};
  }

  // Whether the current token can start an expression.
  bool starts_expression() const {
    switch (tok_.kind) {
      case Tok::kNumber:
      case Tok::kString:
      case Tok::kLeftParen:
      case Tok::kLeftBrace:
      case Tok::kIdentifier:
      case Tok::kMetricIdentifier:
      case Tok::kAdd:
      case Tok::kSub:
        return true;
      case Tok::kDuration:
        return f_.new_number_lexer;
      default:
        return is_metric_keyword(tok_.kind);
    }
  }

  void expect(Tok kind, std::string_view context, std::string_view expected) {
    if (tok_.kind != kind) unexpected(context, expected);
    advance();
  }

  // Records a node's height and refuses trees deeper than kMaxNesting.
  void set_height(Expr& n, std::initializer_list<const Expr*> kids) {
    uint32_t h = 0;
    for (const Expr* k : kids)
      if (k) h = std::max(h, k->height);
    n.height = h + 1;
    if (n.height > kMaxNesting) too_deep(n.begin);
  }

  [[noreturn]] void too_deep(size_t at) {
    error(at, at,
          "expression nests too deeply (more than " + std::to_string(kMaxNesting) + " levels)");
    throw SyntaxFailure{};
  }

  struct DepthGuard {
    Parser& p;
    explicit DepthGuard(Parser& parser) : p(parser) {
      if (++p.depth_ > kMaxNesting) p.too_deep(p.tok_.begin);
    }
    ~DepthGuard() { --p.depth_; }
  };

  // ---- Expressions ----

  ExprPtr parse_expr(int min_precedence) {
    DepthGuard guard(*this);
    ExprPtr left =
        (tok_.kind == Tok::kAdd || tok_.kind == Tok::kSub) ? parse_unary() : parse_primary();
    for (;;) {
      switch (tok_.kind) {
        case Tok::kLeftBracket:
          left = parse_range(std::move(left));
          continue;
        case Tok::kOffset:
          left = parse_offset(std::move(left));
          continue;
        case Tok::kAt:
          left = parse_at(std::move(left));
          continue;
        case Tok::kAnchored:
        case Tok::kSmoothed:
          left = parse_extended_range(std::move(left));
          continue;
        default:
          break;
      }
      int p = precedence(tok_.kind);
      if (p == 0 || p < min_precedence) return left;
      left = parse_binary(std::move(left), p);
    }
  }

  ExprPtr parse_unary() {
    Token op = tok_;
    advance();
    ExprPtr operand = parse_expr(kPowPrecedence);
    if (auto* n = operand->as<NumberLiteral>()) {
      if (op.kind == Tok::kSub) n->value = -n->value;
      n->begin = op.begin;
      return operand;
    }
    auto u = make<Unary>(op.begin);
    u->op = op.kind;
    u->end = operand->end;
    set_height(*u, {operand.get()});
    u->expr = std::move(operand);
    return u;
  }

  ExprPtr parse_binary(ExprPtr lhs, int p) {
    Token op = tok_;
    advance();
    auto b = make<Binary>(lhs->begin);
    b->op = op.kind;
    VectorMatching& m = b->matching.emplace();
    if (tok_.kind == Tok::kBool) {
      b->return_bool = true;
      advance();
    }
    if (tok_.kind == Tok::kOn || tok_.kind == Tok::kIgnoring) {
      m.on = tok_.kind == Tok::kOn;
      advance();
      m.matching_labels = parse_grouping_labels();
      if (tok_.kind == Tok::kGroupLeft || tok_.kind == Tok::kGroupRight) {
        m.card = tok_.kind == Tok::kGroupLeft ? Cardinality::kManyToOne : Cardinality::kOneToMany;
        advance();
        if (tok_.kind == Tok::kLeftParen || (!starts_expression() && tok_.kind != Tok::kError))
          m.include = parse_grouping_labels();
      }
    }
    bool fill = parse_fill_modifiers(m);
    b->rhs = parse_expr(op.kind == Tok::kPow ? p : p + 1);
    b->end = b->rhs->end;
    set_height(*b, {lhs.get(), b->rhs.get()});
    b->lhs = std::move(lhs);
    if (fill && !f_.fill_modifiers)
      error(*b, "binop fill modifiers are experimental and not enabled");
    return b;
  }

  // fill(v), fill_left(v), fill_right(v), or both sides (3.10+).
  bool parse_fill_modifiers(VectorMatching& m) {
    bool any = false;
    for (int i = 0; i < 2; ++i) {
      if (tok_.kind == Tok::kFill && !any) {
        advance();
        m.fill_lhs = m.fill_rhs = parse_fill_value();
        return true;
      }
      if (tok_.kind == Tok::kFillLeft && !m.fill_lhs) {
        advance();
        m.fill_lhs = parse_fill_value();
      } else if (tok_.kind == Tok::kFillRight && !m.fill_rhs) {
        advance();
        m.fill_rhs = parse_fill_value();
      } else {
        break;
      }
      any = true;
    }
    return any;
  }

  double parse_fill_value() {
    expect(Tok::kLeftParen, "", "");
    bool negative = false;
    if (tok_.kind == Tok::kAdd || tok_.kind == Tok::kSub) {
      negative = tok_.kind == Tok::kSub;
      advance();
    }
    if (tok_.kind != Tok::kNumber && tok_.kind != Tok::kDuration) unexpected("", "");
    double v = literal_value(tok_, nullptr);
    advance();
    expect(Tok::kRightParen, "", "");
    return negative ? -v : v;
  }

  ExprPtr parse_primary() {
    switch (tok_.kind) {
      case Tok::kNumber:
      case Tok::kDuration: {
        if (tok_.kind == Tok::kDuration && !f_.new_number_lexer) unexpected("", "");
        auto n = number_literal(tok_);
        advance();
        return n;
      }
      case Tok::kString: {
        auto s = make<StringLiteral>(tok_.begin);
        s->value = detail::unquote(text(tok_));
        s->end = tok_.end;
        advance();
        return s;
      }
      case Tok::kLeftParen: {
        auto p = make<Paren>(tok_.begin);
        advance();
        p->expr = parse_expr(0);
        if (tok_.kind != Tok::kRightParen) unexpected("", "");
        p->end = tok_.end;
        advance();
        set_height(*p, {p->expr.get()});
        return p;
      }
      case Tok::kLeftBrace:
        return parse_selector(false);
      case Tok::kIdentifier:
        if (lookahead().kind == Tok::kLeftParen) return parse_call();
        return parse_selector(true);
      case Tok::kMetricIdentifier:
        return parse_selector(true);
      case Tok::kStart:
      case Tok::kEnd:
      case Tok::kStep:
      case Tok::kRange:
        if (f_.time_functions && lookahead().kind == Tok::kLeftParen) return parse_call();
        return parse_selector(true);
      case Tok::kMinOf:
      case Tok::kMaxOf:
        if (f_.min_of_max_of && lookahead().kind == Tok::kLeftParen) return parse_call();
        return parse_selector(true);
      default:
        break;
    }
    if (is_aggregator(tok_.kind)) {
      Tok next = lookahead().kind;
      if (next == Tok::kLeftParen || next == Tok::kBy || next == Tok::kWithout)
        return parse_aggregate();
    }
    if (is_metric_keyword(tok_.kind)) return parse_selector(true);
    unexpected("", "");
  }

  // The value of a NUMBER or DURATION token in seconds; errors are recorded.
  double literal_value(const Token& t, bool* is_duration) {
    if (is_duration) *is_duration = t.kind == Tok::kDuration;
    if (t.kind == Tok::kDuration) return seconds(duration_token(t, !f_.duration_lexer));
    std::string err;
    auto v = detail::parse_number(text(t), &err);
    if (!v) error(t, "error parsing number: " + err);
    return v.value_or(0);
  }

  std::unique_ptr<NumberLiteral> number_literal(const Token& t) {
    auto n = make<NumberLiteral>(t.begin);
    n->end = t.end;
    n->value = literal_value(t, &n->is_duration);
    return n;
  }

  // A DURATION token in nanoseconds. Until 3.4 zero durations are refused wherever they appear.
  int64_t duration_token(const Token& t, bool refuse_zero) {
    std::string err;
    auto d = detail::parse_duration(text(t), f_.unknown_unit_message, &err);
    if (!d) {
      error(t, err);
      return 0;
    }
    if (*d == 0 && refuse_zero) error(t, "duration must be greater than 0");
    return *d;
  }

  // ---- Selectors ----

  ExprPtr parse_selector(bool named) {
    auto vs = make<VectorSelector>(tok_.begin);
    if (named) {
      vs->name = std::string(text(tok_));
      vs->end = tok_.end;
      advance();
      if (tok_.kind != Tok::kLeftBrace) return vs;
    }
    advance();  // "{"
    if (tok_.kind == Tok::kRightBrace) {
      vs->end = tok_.end;
      advance();
      return vs;
    }
    for (;;) {
      parse_matcher(*vs);
      if (tok_.kind == Tok::kComma) {
        advance();
        if (tok_.kind == Tok::kRightBrace) break;
        continue;
      }
      if (tok_.kind == Tok::kRightBrace) break;
      unexpected("label matching", "\",\" or \"}\"");
    }
    vs->end = tok_.end;
    advance();
    return vs;
  }

  void parse_matcher(VectorSelector& vs) {
    Token name_tok = tok_;
    Matcher m;
    bool quoted = false;
    if (tok_.kind == Tok::kIdentifier) {
      m.name = std::string(text(tok_));
    } else if (tok_.kind == Tok::kString && f_.quoted_names) {
      m.name = detail::unquote(text(tok_));
      quoted = true;
    } else {
      unexpected("label matching", "identifier or \"}\"");
    }
    advance();
    m.begin = name_tok.begin;
    switch (tok_.kind) {
      case Tok::kAssign:
        m.op = MatchOp::kEqual;
        break;
      case Tok::kNeq:
        m.op = MatchOp::kNotEqual;
        break;
      case Tok::kEqlRegex:
        m.op = MatchOp::kRegex;
        break;
      case Tok::kNeqRegex:
        m.op = MatchOp::kNotRegex;
        break;
      default:
        if (!quoted) unexpected("label matching", "label matching operator");
        // {"metric.name"}: the bare quoted name selects the metric.
        m.value = std::move(m.name);
        m.name = "__name__";
        m.end = name_tok.end;
        m.matches_empty = m.value.empty();
        vs.matchers.push_back(std::move(m));
        return;
    }
    advance();
    if (tok_.kind != Tok::kString) unexpected("label matching", "string");
    m.value = detail::unquote(text(tok_));
    m.end = tok_.end;
    advance();
    switch (m.op) {
      case MatchOp::kEqual:
        m.matches_empty = m.value.empty();
        break;
      case MatchOp::kNotEqual:
        m.matches_empty = !m.value.empty();
        break;
      case MatchOp::kRegex:
      case MatchOp::kNotRegex: {
        auto check = detail::check_regex(m.value, f_.regex_quotes_raw, f_.regex_dot_nl);
        if (check.error) error(m.begin, m.end, *check.error);
        m.matches_empty = (m.op == MatchOp::kRegex) == check.matches_empty;
        break;
      }
    }
    vs.matchers.push_back(std::move(m));
  }

  // ---- Calls and aggregations ----

  ExprPtr parse_call() {
    Token name = tok_;
    advance();
    auto c = make<Call>(name.begin);
    c->name = std::string(text(name));
    c->function = find_function(c->name, f_.version);
    // Reported once the arguments are read, as the Go grammar does.
    parse_call_args(c->args);
    if (!c->function) {
      error(name, "unknown function with name " + detail::go_quote(c->name));
    } else if (c->function->experimental_in(f_.version) && !f_.experimental_functions) {
      error(name, "function " + detail::go_quote(c->name) + " is not enabled");
    }
    c->end = prev_end_;
    uint32_t h = 0;
    for (const auto& a : c->args) h = std::max(h, a->height);
    c->height = h + 1;
    return c;
  }

  // "(" [expr {"," expr}] ")", the current token being "(".
  void parse_call_args(std::vector<ExprPtr>& args) {
    advance();
    if (tok_.kind == Tok::kRightParen) {
      advance();
      return;
    }
    for (;;) {
      args.push_back(parse_expr(0));
      if (tok_.kind == Tok::kComma) {
        Token comma = tok_;
        advance();
        if (tok_.kind == Tok::kRightParen) {
          error(comma, "trailing commas not allowed in function call args");
          advance();
          return;
        }
        // Prometheus's error recovery blames the comma when no argument follows it.
        if (!starts_expression() && tok_.kind != Tok::kError) {
          error(comma, "trailing commas not allowed in function call args");
          throw SyntaxFailure{};
        }
        continue;
      }
      if (tok_.kind == Tok::kRightParen) {
        advance();
        return;
      }
      unexpected("", "");
    }
  }

  ExprPtr parse_aggregate() {
    Token op = tok_;
    advance();
    auto a = make<Aggregate>(op.begin);
    a->op = op.kind;
    bool modifier_before = false;
    if (tok_.kind == Tok::kBy || tok_.kind == Tok::kWithout) {
      parse_aggregate_modifier(*a);
      modifier_before = true;
    }
    if (tok_.kind != Tok::kLeftParen) unexpected("aggregation", "");
    std::vector<ExprPtr> args;
    ++aggregation_depth_;
    parse_call_args(args);
    --aggregation_depth_;
    // Go reads the token after ")" to look for a modifier before checking the arguments.
    if (!modifier_before && tok_.kind == Tok::kError) unexpected("", "");
    if (!modifier_before && (tok_.kind == Tok::kBy || tok_.kind == Tok::kWithout))
      parse_aggregate_modifier(*a);
    a->end = prev_end_;
    uint32_t h = 0;
    for (const auto& e : args) h = std::max(h, e->height);
    a->height = h + 1;

    if (args.empty()) {
      error(*a, "no arguments for aggregate expression provided");
      return a;
    }
    size_t wanted = 1;
    if (is_parameterised(a->op)) {
      if ((a->op == Tok::kLimitk || a->op == Tok::kLimitRatio) && !f_.experimental_functions) {
        error(*a, f_.generic_limit_message
                      ? std::string(a->op_name()) +
                            "() is experimental and must be enabled with "
                            "--enable-feature=promql-experimental-functions"
                      : "limitk() and limit_ratio() are experimental and must be enabled with "
                        "--enable-feature=promql-experimental-functions");
        return a;
      }
      wanted = 2;
      a->param = std::move(args[0]);
    }
    if (args.size() != wanted) {
      error(*a, "wrong number of arguments for aggregate expression provided, expected " +
                    std::to_string(wanted) + ", got " + std::to_string(args.size()));
      return a;
    }
    a->expr = std::move(args[wanted - 1]);
    return a;
  }

  void parse_aggregate_modifier(Aggregate& a) {
    a.without = tok_.kind == Tok::kWithout;
    a.has_grouping = true;
    advance();
    a.grouping = parse_grouping_labels();
  }

  std::vector<std::string> parse_grouping_labels() {
    if (tok_.kind != Tok::kLeftParen) unexpected("grouping opts", "\"(\"");
    advance();
    std::vector<std::string> labels;
    if (tok_.kind == Tok::kRightParen) {
      advance();
      return labels;
    }
    for (;;) {
      labels.push_back(parse_grouping_label());
      if (tok_.kind == Tok::kComma) {
        advance();
        if (tok_.kind == Tok::kRightParen) break;
        continue;
      }
      if (tok_.kind == Tok::kRightParen) break;
      unexpected("grouping opts", "\",\" or \")\"");
    }
    advance();
    return labels;
  }

  std::string parse_grouping_label() {
    Token t = tok_;
    std::string name;
    if (is_label_token(t.kind)) {
      name = std::string(text(t));
      // Before 3.0 the name must also be a legacy label name ("a:b" is a metric identifier).
      if (!f_.utf8_label_names && !detail::is_legacy_label_name(name))
        error(t, unexpected_message(t, "grouping opts", "label"));
    } else if (t.kind == Tok::kString && f_.quoted_grouping_labels) {
      name = detail::unquote(text(t));
      bool valid = f_.utf8_label_names ? !name.empty() && detail::valid_utf8(name)
                                       : detail::is_legacy_label_name(name);
      if (!valid) {
        if (f_.grouping_label_message)
          error(t, "invalid label name for grouping: " + detail::go_quote(name));
        else
          error(t, unexpected_message(t, "grouping opts", "label"));
      }
    } else {
      unexpected("grouping opts", "label");
    }
    advance();
    return name;
  }

  // ---- Postfix modifiers ----

  // What a range, a subquery step or an offset may be, as the version words it.
  std::string_view duration_expected(bool after_colon) const {
    const Version v = f_.version;
    if (v < Version{2, 54}) return after_colon ? "duration or \"]\"" : "duration";
    if (v < Version{3, 6})
      return after_colon ? "number or duration or \"]\"" : "number or duration";
    if (v < Version{3, 10})
      return after_colon ? "number, duration, or step() or \"]\"" : "number, duration, or step()";
    return after_colon ? "number, duration, step(), range(), or \"]\""
                       : "number, duration, step(), or range()";
  }

  struct DurationValue {
    int64_t ns = 0;
    ExprPtr expr;  // 3.4+ when the value is computed
  };

  // A range or a subquery step.
  DurationValue parse_range_value(bool after_colon) {
    std::string_view context = f_.version >= Version{3, 6} && !after_colon
                                   ? "subquery or range selector"
                                   : "subquery selector";
    DurationValue out;
    if (f_.duration_lexer) {
      ExprPtr e = parse_duration_expr(0, context, duration_expected(after_colon));
      if (auto* n = e->as<NumberLiteral>()) {
        if (n->value <= 0) error(*n, "duration must be greater than 0");
        out.ns = to_int64(std::round(n->value * 1e9));
      } else {
        out.expr = std::move(e);
      }
      return out;
    }
    if (tok_.kind == Tok::kDuration) {
      out.ns = duration_token(tok_, true);
    } else if (tok_.kind == Tok::kNumber && f_.new_number_lexer) {
      out.ns = milliseconds_to_ns(to_int64(literal_value(tok_, nullptr) * 1000));
    } else {
      unexpected(context, duration_expected(after_colon));
    }
    advance();
    return out;
  }

  ExprPtr parse_range(ExprPtr left) {
    Token open = tok_;
    advance();
    DurationValue range = parse_range_value(false);
    if (tok_.kind == Tok::kRightBracket) {
      const char* problem = nullptr;
      if (auto* vs = left->as<VectorSelector>()) {
        bool strict = f_.strict_range_modifiers;
        if (vs->offset.nanoseconds != 0 || (strict && vs->offset.expr))
          problem = "no offset modifiers allowed before range";
        else if (vs->at.kind == At::Kind::kTimestamp || (strict && vs->at.kind != At::Kind::kNone))
          problem = "no @ modifiers allowed before range";
      } else {
        problem = "ranges only allowed for vector selectors";
      }
      if (problem) error(open.begin, tok_.end, problem);
      auto m = make<MatrixSelector>(left->begin);
      m->end = tok_.end;
      m->range_ns = range.ns;
      m->range_expr = std::move(range.expr);
      set_height(*m, {left.get()});
      m->selector = std::move(left);
      advance();
      return m;
    }
    if (tok_.kind != Tok::kColon) unexpected("subquery or range", "\":\" or \"]\"");
    advance();
    auto s = make<Subquery>(left->begin);
    s->range_ns = range.ns;
    s->range_expr = std::move(range.expr);
    if (tok_.kind != Tok::kRightBracket) {
      DurationValue step = parse_range_value(true);
      s->step_ns = step.ns;
      s->step_expr = std::move(step.expr);
      if (tok_.kind != Tok::kRightBracket) unexpected("subquery selector", "\"]\"");
    }
    s->end = tok_.end;
    set_height(*s, {left.get()});
    s->expr = std::move(left);
    advance();
    return s;
  }

  ExprPtr parse_offset(ExprPtr e) {
    advance();
    std::string_view expected = duration_expected(false);
    DurationValue value;
    if (f_.duration_lexer) {
      ExprPtr d = parse_offset_duration(expected);
      if (auto* n = d->as<NumberLiteral>())
        value.ns = to_int64(std::round(n->value * 1e9));
      else
        value.expr = std::move(d);
    } else {
      bool negative = false;
      if (tok_.kind == Tok::kSub) {
        negative = true;
        advance();
      }
      if (tok_.kind == Tok::kDuration) {
        value.ns = duration_token(tok_, true);
      } else if (tok_.kind == Tok::kNumber && f_.new_number_lexer) {
        value.ns = milliseconds_to_ns(to_int64(literal_value(tok_, nullptr) * 1000));
      } else {
        unexpected("offset", expected);
      }
      advance();
      if (negative) value.ns = negate(value.ns);
    }
    Offset* target = nullptr;
    if (auto* vs = e->as<VectorSelector>()) {
      target = &vs->offset;
    } else if (auto* m = e->as<MatrixSelector>()) {
      auto* inner = m->selector->as<VectorSelector>();
      if (!inner) {
        error(*e, "ranges only allowed for vector selectors");
        return e;
      }
      target = &inner->offset;
    } else if (auto* s = e->as<Subquery>()) {
      target = &s->offset;
    } else {
      error(*e,
            "offset modifier must be preceded by an instant vector selector or range vector "
            "selector or a subquery");
      return e;
    }
    if (target->set()) {
      error(*e, "offset may not be set multiple times");
    } else {
      target->nanoseconds = value.ns;
      target->expr = std::move(value.expr);
    }
    e->end = prev_end_;
    return e;
  }

  ExprPtr parse_at(ExprPtr e) {
    advance();
    At at;
    if (tok_.kind == Tok::kStart || tok_.kind == Tok::kEnd) {
      at.kind = tok_.kind == Tok::kStart ? At::Kind::kStart : At::Kind::kEnd;
      advance();
      if (tok_.kind != Tok::kLeftParen) unexpected("@", "timestamp");
      advance();
      if (tok_.kind != Tok::kRightParen) unexpected("@", "timestamp");
      advance();
    } else {
      bool negative = false;
      if (tok_.kind == Tok::kAdd || tok_.kind == Tok::kSub) {
        negative = tok_.kind == Tok::kSub;
        advance();
      }
      if (tok_.kind != Tok::kNumber && !(tok_.kind == Tok::kDuration && f_.new_number_lexer))
        unexpected("@", "timestamp");
      double ts = literal_value(tok_, nullptr);
      advance();
      if (negative) ts = -ts;
      if (std::isnan(ts) || ts >= 9.2233720368547758e18 || ts <= -9.2233720368547758e18)
        error(*e, "timestamp out of bounds for @ modifier: " + go_float_f(ts));
      at.kind = At::Kind::kTimestamp;
      at.milliseconds = to_int64(std::round(ts * 1000));
    }
    At* target = nullptr;
    if (auto* vs = e->as<VectorSelector>()) {
      target = &vs->at;
    } else if (auto* m = e->as<MatrixSelector>()) {
      auto* inner = m->selector->as<VectorSelector>();
      if (!inner) {
        error(*e, "ranges only allowed for vector selectors");
        return e;
      }
      target = &inner->at;
    } else if (auto* s = e->as<Subquery>()) {
      target = &s->at;
    } else {
      error(*e,
            "@ modifier must be preceded by an instant vector selector or range vector selector "
            "or a subquery");
      return e;
    }
    if (target->kind != At::Kind::kNone) {
      error(*e, "@ <timestamp> may not be set multiple times");
      return e;
    }
    *target = at;
    e->end = prev_end_;
    return e;
  }

  // `anchored` and `smoothed` (3.7+).
  ExprPtr parse_extended_range(ExprPtr e) {
    bool anchored = tok_.kind == Tok::kAnchored;
    std::string name(anchored ? "anchored" : "smoothed");
    advance();
    if (!f_.extended_range_selectors) {
      error(*e, name + " modifier is experimental and not enabled");
      return e;
    }
    VectorSelector* vs = e->as<VectorSelector>();
    if (auto* m = e->as<MatrixSelector>()) {
      vs = m->selector->as<VectorSelector>();
      if (!vs) return e;
    }
    if (vs) {
      (anchored ? vs->anchored : vs->smoothed) = true;
      if (vs->anchored && vs->smoothed)
        error(*e, "anchored and smoothed modifiers cannot be used together");
    } else if (e->as<Subquery>()) {
      error(*e, name + " modifier is not supported for subqueries");
    } else {
      error(*e, name + " modifier not implemented");
    }
    e->end = prev_end_;
    return e;
  }

  // ---- Duration expressions (3.4+) ----

  void experimental_duration(const Expr& e) {
    if (!f_.duration_expressions) error(e, "experimental duration expression is not enabled");
  }

  bool is_min_max(Tok t) const {
    return t == Tok::kMinOf || t == Tok::kMaxOf ||
           (f_.min_max_durations && (t == Tok::kMin || t == Tok::kMax));
  }

  std::unique_ptr<NumberLiteral> duration_literal() {
    auto n = number_literal(tok_);
    advance();
    check_duration_range(*n, n->begin, n->end);
    return n;
  }

  void check_duration_range(NumberLiteral& n, size_t begin, size_t end) {
    if (f_.duration_range_check &&
        (n.value > 9223372036.854775808 || n.value < -9223372036.854775808)) {
      error(begin, end, "duration out of range");
      n.value = 0;
    }
  }

  // step(), range(), min_of(a, b), max_of(a, b); the current token names the function.
  ExprPtr duration_function(std::string_view context, std::string_view expected) {
    Token name = tok_;
    auto d = make<DurationExpr>(name.begin);
    d->op = is_min_max(name.kind)
                ? (name.kind == Tok::kMinOf || name.kind == Tok::kMin ? Tok::kMinOf : Tok::kMaxOf)
                : name.kind;
    advance();
    expect(Tok::kLeftParen, context, expected);
    if (d->op == Tok::kMinOf || d->op == Tok::kMaxOf) {
      d->lhs = parse_duration_expr(0, context, expected);
      expect(Tok::kComma, context, expected);
      d->rhs = parse_duration_expr(0, context, expected);
    }
    if (tok_.kind != Tok::kRightParen) unexpected(context, expected);
    d->end = tok_.end;
    advance();
    set_height(*d, {d->lhs.get(), d->rhs.get()});
    experimental_duration(*d);
    return d;
  }

  ExprPtr apply_duration_sign(const Token& op, ExprPtr e, bool wrapped) {
    if (auto* d = e->as<DurationExpr>()) {
      if (wrapped) d->wrapped = true;
      if (op.kind != Tok::kSub) return e;
      auto neg = make<DurationExpr>(op.begin);
      neg->op = Tok::kSub;
      neg->end = e->end;
      set_height(*neg, {e.get()});
      neg->rhs = std::move(e);
      return neg;
    }
    auto* n = e->as<NumberLiteral>();
    if (op.kind == Tok::kSub) n->value = -n->value;
    n->begin = op.begin;
    check_duration_range(*n, op.begin, op.end);
    return e;
  }

  ExprPtr parse_duration_expr(int min_precedence, std::string_view context,
                              std::string_view expected) {
    DepthGuard guard(*this);
    ExprPtr left;
    if (tok_.kind == Tok::kAdd || tok_.kind == Tok::kSub) {
      Token op = tok_;
      advance();
      left = apply_duration_sign(op, parse_duration_expr(kPowPrecedence, context, expected), false);
    } else if (tok_.kind == Tok::kNumber || tok_.kind == Tok::kDuration) {
      left = duration_literal();
    } else if (tok_.kind == Tok::kStep || tok_.kind == Tok::kRange || is_min_max(tok_.kind)) {
      left = duration_function(context, expected);
    } else if (tok_.kind == Tok::kLeftParen) {
      size_t open = tok_.begin;
      advance();
      left = parse_duration_expr(0, context, expected);
      if (tok_.kind != Tok::kRightParen) unexpected(context, expected);
      if (!f_.duration_expressions)
        error(open, tok_.end, "experimental duration expression is not enabled");
      if (auto* d = left->as<DurationExpr>()) d->wrapped = true;
      advance();
    } else {
      unexpected(context, expected);
    }
    for (;;) {
      int p = duration_precedence(tok_.kind);
      if (p == 0 || p < min_precedence) return left;
      Token op = tok_;
      advance();
      ExprPtr rhs = parse_duration_expr(op.kind == Tok::kPow ? p : p + 1, context, expected);
      experimental_duration(*left);
      if (op.kind == Tok::kDiv || op.kind == Tok::kMod) {
        auto* n = rhs->as<NumberLiteral>();
        if (n && n->value == 0) {
          error(op, op.kind == Tok::kDiv ? "division by zero" : "modulo by zero");
          auto zero = make<NumberLiteral>(left->begin);
          zero->end = rhs->end;
          left = std::move(zero);
          continue;
        }
      }
      auto d = make<DurationExpr>(left->begin);
      d->op = op.kind;
      d->end = rhs->end;
      set_height(*d, {left.get(), rhs.get()});
      d->lhs = std::move(left);
      d->rhs = std::move(rhs);
      left = std::move(d);
    }
  }

  // After `offset` (3.4+): a signed literal, step()/range()/min_of()/max_of() with an optional
  // sign, or a duration expression that starts with a parenthesis. `foo offset 5m + 1m` adds
  // 1m to the selector, as in Prometheus.
  ExprPtr parse_offset_duration(std::string_view expected) {
    std::optional<Token> sign;
    if (tok_.kind == Tok::kAdd || tok_.kind == Tok::kSub) {
      sign = tok_;
      advance();
    }
    if (tok_.kind == Tok::kNumber || tok_.kind == Tok::kDuration) {
      auto n = number_literal(tok_);
      advance();
      if (sign) {
        if (sign->kind == Tok::kSub) n->value = -n->value;
        n->begin = sign->begin;
      }
      check_duration_range(*n, n->begin, n->end);
      return n;
    }
    if (tok_.kind == Tok::kStep || tok_.kind == Tok::kRange || is_min_max(tok_.kind)) {
      ExprPtr d = duration_function("offset", expected);
      if (!sign) return d;
      auto s = make<DurationExpr>(sign->begin);
      s->op = sign->kind;
      s->end = d->end;
      set_height(*s, {d.get()});
      s->rhs = std::move(d);
      experimental_duration(*s);
      return s;
    }
    if (tok_.kind == Tok::kLeftParen) {
      if (!sign) return parse_duration_expr(0, "offset", expected);
      advance();
      ExprPtr inner = parse_duration_expr(0, "offset", expected);
      if (tok_.kind != Tok::kRightParen) unexpected("offset", expected);
      advance();
      return apply_duration_sign(*sign, std::move(inner), true);
    }
    unexpected("offset", expected);
  }

  std::string_view in_;
  Features f_;
  Lexer lex_;
  Token tok_{};
  Token ahead_{};
  bool has_ahead_ = false;
  size_t prev_end_ = 0;
  size_t depth_ = 0;
  int aggregation_depth_ = 0;
  std::vector<ParseError> errors_;
};

}  // namespace

ParseResult parse(std::string_view expr, const ParseOptions& options) {
  if (expr.size() > std::numeric_limits<uint32_t>::max()) {
    ParseResult r;
    r.errors.push_back({0, 0, "expression too long"});
    return r;
  }
  return Parser(expr, options).run();
}

std::string prometheus_error_string(std::string_view expr, const ParseError& e) {
  size_t pos = e.begin;
  if (pos > expr.size()) return "invalid position: parse error: " + e.message;
  size_t line = 1, last_break = std::string_view::npos;
  for (size_t i = 0; i < pos; ++i) {
    if (expr[i] == '\n') {
      ++line;
      last_break = i;
    }
  }
  size_t col = last_break == std::string_view::npos ? pos + 1 : pos - last_break;
  return std::to_string(line) + ":" + std::to_string(col) + ": parse error: " + e.message;
}

}  // namespace caxtool::promql
