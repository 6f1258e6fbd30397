// SPDX-License-Identifier: Apache-2.0
// format(): canonical PromQL, written as Prometheus's String() methods write it (so messages
// quote expressions the way users see them in Prometheus). dump(): a compact tree for tests.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "promql/literals.h"
#include "promql/parser.h"

namespace caxtool::promql {

namespace {

using detail::format_duration;
using detail::go_quote;

// A range, step or offset. Prometheus prints whole milliseconds; a finer value (possible from
// 3.4, e.g. [1.0005]) is written as seconds so that it parses back to itself.
std::string range_duration(int64_t ns) {
  if (ns % 1'000'000 == 0) return format_duration(ns);
  return detail::format_float(static_cast<double>(ns) / 1e9);
}

std::string seconds_duration(double seconds) {
  double ns = seconds * 1e9;
  if (!(ns < 9.2e18 && ns > -9.2e18)) return detail::format_float(seconds);
  return format_duration(static_cast<int64_t>(ns));
}

std::string number(const NumberLiteral& n) {
  if (!n.is_duration) return detail::format_float(n.value);
  if (n.value < 0) return "-" + seconds_duration(-n.value);
  return seconds_duration(n.value);
}

std::string label_name(std::string_view name) {
  return detail::is_legacy_label_name(name) ? std::string(name) : go_quote(name);
}

std::string matcher_string(const Matcher& m) {
  return label_name(m.name) + std::string(match_op_name(m.op)) + go_quote(m.value);
}

std::string label_list(const std::vector<std::string>& labels) {
  std::string out;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (i) out += ", ";
    out += label_name(labels[i]);
  }
  return out;
}

std::string matchers_string(const VectorSelector& vs, bool sorted) {
  std::vector<std::string> parts;
  parts.reserve(vs.matchers.size());
  for (const auto& m : vs.matchers) parts.push_back(matcher_string(m));
  if (sorted) std::sort(parts.begin(), parts.end());
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += ",";
    out += parts[i];
  }
  return out;
}

std::string at_string(const At& at) {
  switch (at.kind) {
    case At::Kind::kNone:
      return "";
    case At::Kind::kStart:
      return " @ start()";
    case At::Kind::kEnd:
      return " @ end()";
    case At::Kind::kTimestamp: {
      // %.3f of the seconds, computed exactly from the milliseconds.
      int64_t ms = at.milliseconds;
      uint64_t magnitude =
          ms < 0 ? uint64_t{0} - static_cast<uint64_t>(ms) : static_cast<uint64_t>(ms);
      char buf[64];
      std::snprintf(buf, sizeof buf, " @ %s%llu.%03llu", ms < 0 ? "-" : "",
                    static_cast<unsigned long long>(magnitude / 1000),
                    static_cast<unsigned long long>(magnitude % 1000));
      return buf;
    }
  }
  return "";
}

class Printer {
 public:
  std::string print(const Expr* e) {
    if (!e) return "";
    switch (e->kind) {
      case NodeKind::kNumberLiteral:
        return number(static_cast<const NumberLiteral&>(*e));
      case NodeKind::kStringLiteral:
        return go_quote(static_cast<const StringLiteral&>(*e).value);
      case NodeKind::kVectorSelector: {
        const auto& vs = static_cast<const VectorSelector&>(*e);
        return selector_body(vs) + at_string(vs.at) + extended(vs) + offset_string(vs.offset);
      }
      case NodeKind::kMatrixSelector: {
        const auto& m = static_cast<const MatrixSelector&>(*e);
        std::string range = m.range_expr ? print(m.range_expr.get()) : range_duration(m.range_ns);
        const auto* vs = m.vector_selector();
        if (!vs) return print(m.selector.get()) + "[" + range + "]";
        return selector_body(*vs) + "[" + range + "]" + extended(*vs) + at_string(vs->at) +
               offset_string(vs->offset);
      }
      case NodeKind::kSubquery: {
        const auto& s = static_cast<const Subquery&>(*e);
        std::string range = s.range_expr ? print(s.range_expr.get()) : range_duration(s.range_ns);
        std::string step = s.step_expr ? print(s.step_expr.get())
                           : s.step_ns ? range_duration(s.step_ns)
                                       : "";
        return print(s.expr.get()) + "[" + range + ":" + step + "]" + at_string(s.at) +
               offset_string(s.offset);
      }
      case NodeKind::kCall: {
        const auto& c = static_cast<const Call&>(*e);
        std::string out = c.name + "(";
        for (size_t i = 0; i < c.args.size(); ++i) {
          if (i) out += ", ";
          out += print(c.args[i].get());
        }
        return out + ")";
      }
      case NodeKind::kAggregate: {
        const auto& a = static_cast<const Aggregate&>(*e);
        std::string out(a.op_name());
        if (a.without)
          out += " without (" + label_list(a.grouping) + ") ";
        else if (!a.grouping.empty())
          out += " by (" + label_list(a.grouping) + ") ";
        out += "(";
        if (a.param) out += print(a.param.get()) + ", ";
        return out + print(a.expr.get()) + ")";
      }
      case NodeKind::kBinary: {
        const auto& b = static_cast<const Binary&>(*e);
        // "+Inf ^ x" would read back as +(Inf ^ x): the sign goes where ^ cannot take it.
        const auto* n = b.lhs->as<NumberLiteral>();
        bool bare_inf =
            b.op == Tok::kPow && n && !n->is_duration && n->value > 0 && std::isinf(n->value);
        return (bare_inf ? std::string("Inf") : print(b.lhs.get())) + " " +
               std::string(b.op_name()) + (b.return_bool ? " bool" : "") + matching(b) + " " +
               print(b.rhs.get());
      }
      case NodeKind::kUnary: {
        const auto& u = static_cast<const Unary&>(*e);
        return std::string(token_name(u.op)) + print(u.expr.get());
      }
      case NodeKind::kParen:
        return "(" + print(static_cast<const Paren&>(*e).expr.get()) + ")";
      case NodeKind::kDurationExpr:
        return duration_expr(static_cast<const DurationExpr&>(*e));
    }
    return "";
  }

 private:
  static std::string selector_body(const VectorSelector& vs) {
    std::string out = vs.name;
    // info(x, {}) has a selector with neither (Prometheus prints nothing there).
    if (!vs.matchers.empty() || vs.name.empty()) out += "{" + matchers_string(vs, true) + "}";
    return out;
  }

  static std::string extended(const VectorSelector& vs) {
    return vs.anchored ? " anchored" : vs.smoothed ? " smoothed" : "";
  }

  std::string offset_string(const Offset& o) {
    if (o.expr) {
      // "offset 5m + 1m" would add 1m to the selector: arithmetic after offset needs its
      // parentheses.
      const auto* d = o.expr->as<DurationExpr>();
      bool bare = d && d->lhs && !d->wrapped && d->op != Tok::kMinOf && d->op != Tok::kMaxOf;
      return bare ? " offset (" + print(o.expr.get()) + ")" : " offset " + print(o.expr.get());
    }
    if (o.nanoseconds > 0) return " offset " + range_duration(o.nanoseconds);
    if (o.nanoseconds == std::numeric_limits<int64_t>::min())
      return " offset " + detail::format_float(static_cast<double>(o.nanoseconds) / 1e9);
    if (o.nanoseconds < 0) return " offset -" + range_duration(-o.nanoseconds);
    return "";
  }

  static std::string matching(const Binary& b) {
    if (!b.matching) return "";
    const VectorMatching& m = *b.matching;
    bool grouped = m.card == Cardinality::kManyToOne || m.card == Cardinality::kOneToMany;
    std::string out;
    if (!m.matching_labels.empty() || m.on || grouped)
      out += std::string(m.on ? " on (" : " ignoring (") + label_list(m.matching_labels) + ")";
    if (grouped)
      out += std::string(m.card == Cardinality::kManyToOne ? " group_left (" : " group_right (") +
             label_list(m.include) + ")";
    auto value = [](double v) { return detail::format_float(v); };
    if (m.fill_lhs && m.fill_rhs && *m.fill_lhs == *m.fill_rhs) {
      out += " fill (" + value(*m.fill_lhs) + ")";
    } else {
      if (m.fill_lhs) out += " fill_left (" + value(*m.fill_lhs) + ")";
      if (m.fill_rhs) out += " fill_right (" + value(*m.fill_rhs) + ")";
    }
    return out;
  }

  std::string duration_expr(const DurationExpr& d) {
    std::string out;
    switch (d.op) {
      case Tok::kStep:
        out = "step()";
        break;
      case Tok::kRange:
        out = "range()";
        break;
      case Tok::kMinOf:
      case Tok::kMaxOf:
        out = std::string(token_name(d.op)) + "(" + print(d.lhs.get()) + ", " + print(d.rhs.get()) +
              ")";
        break;
      default:
        if (!d.lhs)
          out = (d.op == Tok::kSub ? "-" : "") + print(d.rhs.get());
        else
          out = print(d.lhs.get()) + " " + std::string(token_name(d.op)) + " " + print(d.rhs.get());
    }
    return d.wrapped ? "(" + out + ")" : out;
  }
};

class Dumper {
 public:
  explicit Dumper(const DumpOptions& o) : o_(o) {}

  void dump(const Expr* e) {
    if (!e) {
      out_ += "null";
      return;
    }
    switch (e->kind) {
      case NodeKind::kNumberLiteral:
        out_ += "num(" + number(static_cast<const NumberLiteral&>(*e)) + ")";
        break;
      case NodeKind::kStringLiteral:
        out_ += "str(" + go_quote(static_cast<const StringLiteral&>(*e).value) + ")";
        break;
      case NodeKind::kVectorSelector:
        out_ += "sel(";
        selector(static_cast<const VectorSelector&>(*e));
        out_ += ")";
        break;
      case NodeKind::kMatrixSelector: {
        const auto& m = static_cast<const MatrixSelector&>(*e);
        out_ += "matrix(";
        dump(m.selector.get());
        out_ += ", ";
        if (m.range_expr)
          dump(m.range_expr.get());
        else
          out_ += format_duration(m.range_ns);
        out_ += ")";
        break;
      }
      case NodeKind::kSubquery: {
        const auto& s = static_cast<const Subquery&>(*e);
        out_ += "subquery(";
        dump(s.expr.get());
        out_ += ", ";
        if (s.range_expr)
          dump(s.range_expr.get());
        else
          out_ += format_duration(s.range_ns);
        out_ += ":";
        if (s.step_expr)
          dump(s.step_expr.get());
        else if (s.step_ns)
          out_ += format_duration(s.step_ns);
        modifiers(s.offset, s.at);
        out_ += ")";
        break;
      }
      case NodeKind::kCall: {
        const auto& c = static_cast<const Call&>(*e);
        out_ += "call(" + c.name;
        for (const auto& a : c.args) {
          out_ += ", ";
          dump(a.get());
        }
        out_ += ")";
        break;
      }
      case NodeKind::kAggregate: {
        const auto& a = static_cast<const Aggregate&>(*e);
        out_ += "agg(" + std::string(a.op_name());
        if (a.without)
          out_ += " without (" + label_list(a.grouping) + ")";
        else if (!a.grouping.empty())
          out_ += " by (" + label_list(a.grouping) + ")";
        if (a.param) {
          out_ += ", ";
          dump(a.param.get());
        }
        out_ += ", ";
        dump(a.expr.get());
        out_ += ")";
        break;
      }
      case NodeKind::kBinary: {
        const auto& b = static_cast<const Binary&>(*e);
        out_ += "bin(" + std::string(b.op_name());
        if (b.return_bool) out_ += " bool";
        if (b.matching) {
          const auto& m = *b.matching;
          if (m.on || !m.matching_labels.empty())
            out_ +=
                std::string(m.on ? " on (" : " ignoring (") + label_list(m.matching_labels) + ")";
          if (m.card == Cardinality::kManyToOne)
            out_ += " group_left (" + label_list(m.include) + ")";
          if (m.card == Cardinality::kOneToMany)
            out_ += " group_right (" + label_list(m.include) + ")";
          if (m.fill_lhs) out_ += " fill_left (" + detail::format_float(*m.fill_lhs) + ")";
          if (m.fill_rhs) out_ += " fill_right (" + detail::format_float(*m.fill_rhs) + ")";
        }
        out_ += ", ";
        dump(b.lhs.get());
        out_ += ", ";
        dump(b.rhs.get());
        out_ += ")";
        break;
      }
      case NodeKind::kUnary: {
        const auto& u = static_cast<const Unary&>(*e);
        out_ += "unary(" + std::string(token_name(u.op)) + ", ";
        dump(u.expr.get());
        out_ += ")";
        break;
      }
      case NodeKind::kParen:
        out_ += "paren(";
        dump(static_cast<const Paren&>(*e).expr.get());
        out_ += ")";
        break;
      case NodeKind::kDurationExpr: {
        const auto& d = static_cast<const DurationExpr&>(*e);
        out_ += "dexpr(" + std::string(token_name(d.op));
        for (const Expr* k : {d.lhs.get(), d.rhs.get()}) {
          if (!k) continue;
          out_ += ", ";
          dump(k);
        }
        out_ += ")";
        break;
      }
    }
    if (o_.positions) out_ += "[" + std::to_string(e->begin) + "," + std::to_string(e->end) + ")";
  }

  std::string take() { return std::move(out_); }

 private:
  void selector(const VectorSelector& vs) {
    out_ += vs.name;
    if (!vs.matchers.empty()) out_ += "{" + matchers_string(vs, o_.sort_matchers) + "}";
    if (vs.anchored) out_ += " anchored";
    if (vs.smoothed) out_ += " smoothed";
    modifiers(vs.offset, vs.at);
  }

  void modifiers(const Offset& o, const At& at) {
    if (o.expr) {
      out_ += " offset=";
      dump(o.expr.get());
    } else if (o.nanoseconds > 0) {
      out_ += " offset=" + format_duration(o.nanoseconds);
    } else if (o.nanoseconds < 0) {
      out_ += " offset=-" + format_duration(o.nanoseconds == std::numeric_limits<int64_t>::min()
                                                ? std::numeric_limits<int64_t>::max()
                                                : -o.nanoseconds);
    }
    std::string a = at_string(at);
    if (!a.empty()) out_ += " @=" + a.substr(3);
  }

  const DumpOptions& o_;
  std::string out_;
};

}  // namespace

std::string format(const Expr& e) { return Printer().print(&e); }

std::string dump(const Expr& e, const DumpOptions& options) {
  Dumper d(options);
  d.dump(&e);
  return d.take();
}

}  // namespace caxtool::promql
