// SPDX-License-Identifier: Apache-2.0
// Each check walks the expression tree once. Offsets inside the expression are mapped back to
// the file through yaml::locate_in_scalar, so findings point into the expr, not at its key.
#include "rules/lint_promql.h"

#include <algorithm>
#include <optional>
#include <set>

#include "gotemplate/template.h"
#include "rules/lint.h"
#include "yaml/locate.h"

namespace caxtool::rules {
namespace {

using namespace promql;

bool enabled(const LintContext& ctx, std::string_view name) {
  return ctx.enabled != nullptr && ctx.enabled->count(name) != 0;
}

// A finding at [begin, end) of the expression.
void report(const Rule& r, const LintContext& ctx, diag::Diagnostics& diags, std::string_view check,
            size_t begin, size_t end, std::string message, std::string hint = "") {
  const LintInfo* info = find_lint(check);
  diag::Diagnostic d;
  d.file = ctx.file;
  d.line = r.expr.start.line;
  d.column = r.expr.start.column;
  if (r.expr.node != nullptr && ctx.source != nullptr) {
    yaml::Mark b = yaml::locate_in_scalar(*r.expr.node, *ctx.source, begin);
    yaml::Mark e = yaml::locate_in_scalar(*r.expr.node, *ctx.source, std::max(end, begin + 1));
    d.line = b.line;
    d.column = b.column;
    d.end_line = e.line;
    d.end_column = e.column;
  }
  d.severity = info != nullptr ? info->severity : diag::Severity::kWarning;
  d.check = std::string(check);
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags.add(std::move(d));
}

const Expr* unwrap(const Expr* e) {
  while (e != nullptr && e->kind == NodeKind::kParen) e = e->as<Paren>()->expr.get();
  return e;
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::string duration_text(int64_t ms) {
  if (ms % 60000 == 0) return std::to_string(ms / 60000) + "m";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

bool is_counter_function(std::string_view f) {
  return f == "rate" || f == "irate" || f == "increase" || f == "resets";
}

bool needs_two_samples(std::string_view f) {
  return f == "rate" || f == "irate" || f == "increase" || f == "delta" || f == "idelta" ||
         f == "deriv" || f == "resets" || f == "changes" || f == "predict_linear";
}

// promql/counter and promql/rate-range: what rate() and friends are given.
void lint_calls(const Rule& r, const Expr& root, const LintContext& ctx, diag::Diagnostics& diags) {
  walk(root, [&](const Expr& e) {
    const Call* call = e.as<Call>();
    if (call == nullptr || call->args.empty()) return;
    const MatrixSelector* m = unwrap(call->args.front().get())->as<MatrixSelector>();
    if (m == nullptr) return;
    const VectorSelector* vs = m->vector_selector();
    std::string_view name = vs != nullptr ? vs->metric_name() : std::string_view();
    if (enabled(ctx, "promql/counter") && is_counter_function(call->name) && !name.empty() &&
        name.find(':') == std::string_view::npos && !ends_with(name, "_total") &&
        !ends_with(name, "_count") && !ends_with(name, "_sum") && !ends_with(name, "_bucket")) {
      report(r, ctx, diags, "promql/counter", m->begin, m->end,
             call->name + "() over " + std::string(name) +
                 ", which is not named like a counter (_total, _count, _sum, _bucket)",
             "use deriv() or delta() for a gauge, or rename the counter to end in _total");
    }
    if (enabled(ctx, "promql/rate-range") && needs_two_samples(call->name) && m->range_ns > 0) {
      int64_t range_ms = m->range_ns / 1'000'000;
      if (range_ms < 2 * ctx.scrape_interval_ms) {
        report(r, ctx, diags, "promql/rate-range", m->begin, m->end,
               call->name + "() over " + duration_text(range_ms) +
                   " sees fewer than two samples "
                   "at a " +
                   duration_text(ctx.scrape_interval_ms) + " scrape interval",
               "use a range of at least " + duration_text(4 * ctx.scrape_interval_ms) +
                   " (four scrapes), or set --scrape-interval");
      }
    }
  });
}

// promql/histogram-le: histogram_quantile needs le in whatever aggregation feeds it.
void lint_histogram(const Rule& r, const Expr& root, const LintContext& ctx,
                    diag::Diagnostics& diags) {
  walk(root, [&](const Expr& e) {
    const Call* call = e.as<Call>();
    if (call == nullptr || call->name != "histogram_quantile" || call->args.size() < 2) return;
    const Aggregate* agg = unwrap(call->args[1].get())->as<Aggregate>();
    if (agg == nullptr || !agg->has_grouping) return;
    bool has_le =
        std::find(agg->grouping.begin(), agg->grouping.end(), "le") != agg->grouping.end();
    bool dropped = agg->without ? has_le : !has_le;
    // Native histograms need no le; a classic one is read from _bucket series.
    bool classic = false;
    walk(*agg, [&classic](const Expr& inner) {
      const VectorSelector* vs = inner.as<VectorSelector>();
      if (vs != nullptr && ends_with(vs->metric_name(), "_bucket")) classic = true;
    });
    if (dropped && classic) {
      report(r, ctx, diags, "promql/histogram-le", agg->begin, agg->end,
             std::string(agg->op_name()) + (agg->without ? " without" : " by") +
                 " drops the le label, so histogram_quantile() has no buckets to read",
             agg->without ? "remove le from without (...)" : "add le to by (...)");
    }
  });
}

// promql/impossible: absent() is 1 or nothing; comparing it with a value 1 never meets is dead.
void lint_impossible(const Rule& r, const Expr& root, const LintContext& ctx,
                     diag::Diagnostics& diags) {
  walk(root, [&](const Expr& e) {
    const Binary* b = e.as<Binary>();
    if (b == nullptr || b->return_bool) return;
    const Call* call = unwrap(b->lhs.get())->as<Call>();
    const NumberLiteral* n = unwrap(b->rhs.get())->as<NumberLiteral>();
    if (call == nullptr || n == nullptr) return;
    if (call->name != "absent" && call->name != "absent_over_time") return;
    double v = n->value;
    bool never = (b->op == Tok::kGtr && v >= 1) || (b->op == Tok::kGte && v > 1) ||
                 (b->op == Tok::kLss && v <= 1) || (b->op == Tok::kLte && v < 1) ||
                 (b->op == Tok::kEqlc && v != 1) || (b->op == Tok::kNeq && v == 1);
    if (never) {
      report(
          r, ctx, diags, "promql/impossible", b->begin, b->end,
          call->name + "() returns 1 or nothing, so this comparison never holds",
          "compare with nothing: " + call->name + "(...) alone fires when the series is missing");
    }
  });
}

// The labels an expression's result can carry, when that is known exactly.
std::optional<std::set<std::string>> output_labels(const Expr* e) {
  e = unwrap(e);
  if (e == nullptr) return std::nullopt;
  switch (e->kind) {
    case NodeKind::kNumberLiteral:
    case NodeKind::kStringLiteral:
      return std::set<std::string>{};
    case NodeKind::kAggregate: {
      const Aggregate* a = e->as<Aggregate>();
      if (a->op == Tok::kTopk || a->op == Tok::kBottomk) return output_labels(a->expr.get());
      if (a->without || (!a->has_grouping && a->op == Tok::kCountValues)) return std::nullopt;
      std::set<std::string> out(a->grouping.begin(), a->grouping.end());
      if (a->op == Tok::kCountValues) {
        const StringLiteral* label =
            a->param ? unwrap(a->param.get())->as<StringLiteral>() : nullptr;
        if (label == nullptr) return std::nullopt;
        out.insert(label->value);
      }
      return out;
    }
    case NodeKind::kBinary: {
      const Binary* b = e->as<Binary>();
      auto lhs = output_labels(b->lhs.get());
      auto rhs = output_labels(b->rhs.get());
      bool lhs_scalar = type_of(*b->lhs) == ValueType::kScalar;
      bool rhs_scalar = type_of(*b->rhs) == ValueType::kScalar;
      if (lhs_scalar) return rhs;
      if (rhs_scalar) return lhs;
      if (b->op == Tok::kLor) return std::nullopt;  // either side's labels
      if (b->matching && b->matching->card == Cardinality::kOneToMany) return rhs;
      if (!lhs) return std::nullopt;
      if (b->matching) lhs->insert(b->matching->include.begin(), b->matching->include.end());
      return lhs;
    }
    case NodeKind::kCall: {
      const Call* c = e->as<Call>();
      if (c->name == "absent" || c->name == "absent_over_time") {
        std::set<std::string> out;
        walk(*c, [&out](const Expr& inner) {
          if (const VectorSelector* vs = inner.as<VectorSelector>()) {
            for (const Matcher& m : vs->matchers) {
              if (m.op == MatchOp::kEqual && m.name != "__name__") out.insert(m.name);
            }
          }
        });
        return out;
      }
      if (c->name == "vector" || c->name == "time" || c->name == "scalar" || c->args.empty()) {
        return std::set<std::string>{};
      }
      if (c->name == "label_replace" || c->name == "label_join") {
        auto inner = output_labels(c->args[0].get());
        const StringLiteral* dst =
            c->args.size() > 1 ? unwrap(c->args[1].get())->as<StringLiteral>() : nullptr;
        if (inner && dst != nullptr) inner->insert(dst->value);
        return dst != nullptr ? inner : std::nullopt;
      }
      for (const ExprPtr& arg : c->args) {
        if (type_of(*arg) == ValueType::kVector || type_of(*arg) == ValueType::kMatrix) {
          auto inner = output_labels(arg.get());
          if (inner && c->name == "histogram_quantile") inner->erase("le");
          return inner;
        }
      }
      return std::nullopt;
    }
    case NodeKind::kUnary:
      return output_labels(e->as<Unary>()->expr.get());
    case NodeKind::kSubquery:
      return output_labels(e->as<Subquery>()->expr.get());
    case NodeKind::kMatrixSelector:
      return output_labels(e->as<MatrixSelector>()->selector.get());
    default:
      return std::nullopt;  // a selector: whatever labels the series have
  }
}

// The summary validation made of `e`'s template, else a fresh one kept in `own`.
const gotemplate::Summary& summary_of(const Entry& e, const LintContext& ctx,
                                      gotemplate::Summary& own) {
  if (ctx.summaries != nullptr) {
    auto it = ctx.summaries->find(&e.value);
    if (it != ctx.summaries->end()) return it->second;
  }
  own = gotemplate::summarize(e.value.value);
  return own;
}

// alerts/template-labels: {{ $labels.x }} where the expression cannot carry x.
void lint_template_labels(const Rule& r, const Expr& root, const LintContext& ctx,
                          diag::Diagnostics& diags) {
  if (!r.is_alert()) return;
  auto labels = output_labels(&root);
  if (!labels) return;
  auto check_entries = [&](const std::vector<Entry>& entries, std::string_view kind) {
    for (const Entry& e : entries) {
      const std::string& v = e.value.value;
      if (!template_reads_labels(v)) continue;  // reads no label: skip the template parse
      gotemplate::Summary own;
      for (const gotemplate::Reference& ref : summary_of(e, ctx, own).variables) {
        std::string_view text = ref.text;
        std::string_view label;
        if (text.rfind("$labels.", 0) == 0) label = text.substr(8);
        if (text.rfind(".Labels.", 0) == 0) label = text.substr(8);
        label = label.substr(0, label.find('.'));
        if (label.empty() || labels->count(std::string(label)) != 0) continue;
        std::string kept;
        for (const std::string& l : *labels) kept += (kept.empty() ? "" : ", ") + l;
        diag::Diagnostic d;
        d.file = ctx.file;
        d.line = e.value.start.line;
        d.column = e.value.start.column;
        if (e.value.node != nullptr && ctx.source != nullptr) {
          yaml::Mark b = yaml::locate_in_scalar(*e.value.node, *ctx.source, ref.begin);
          yaml::Mark en = yaml::locate_in_scalar(*e.value.node, *ctx.source, ref.end);
          d.line = b.line;
          d.column = b.column;
          d.end_line = en.line;
          d.end_column = en.column;
        }
        d.severity = diag::Severity::kWarning;
        d.check = "alerts/template-labels";
        d.message = std::string(kind) + " \"" + e.key.value + "\" of alert \"" + r.alert.value +
                    "\" reads label " + std::string(label) +
                    ", which the expression's result never has (it keeps only " +
                    (kept.empty() ? std::string("no labels") : kept) + ")";
        d.hint = "add " + std::string(label) + " to the aggregation's by (...), or drop it here";
        diags.add(std::move(d));
      }
    }
  };
  check_entries(r.annotations, "annotation");
  check_entries(r.labels, "label");
}

// labels/forbidden inside the expression: kept by by (...) or written by label_replace().
void lint_forbidden_in_expr(const Rule& r, const Expr& root, const LintContext& ctx,
                            diag::Diagnostics& diags) {
  if (ctx.forbidden_labels == nullptr || ctx.forbidden_labels->empty()) return;
  auto bad = [&ctx](std::string_view l) {
    return std::find(ctx.forbidden_labels->begin(), ctx.forbidden_labels->end(), l) !=
           ctx.forbidden_labels->end();
  };
  walk(root, [&](const Expr& e) {
    if (const Aggregate* a = e.as<Aggregate>(); a != nullptr && !a->without) {
      for (const std::string& l : a->grouping) {
        if (!bad(l)) continue;
        report(r, ctx, diags, "labels/forbidden", a->begin, a->end,
               std::string(a->op_name()) + " by (...) keeps label " + l +
                   ", which is forbidden: its values are unbounded",
               "aggregate it away instead of keeping it");
      }
    }
    if (const Call* c = e.as<Call>(); c != nullptr &&
                                      (c->name == "label_replace" || c->name == "label_join") &&
                                      c->args.size() > 1) {
      const StringLiteral* dst = unwrap(c->args[1].get())->as<StringLiteral>();
      if (dst != nullptr && bad(dst->value)) {
        report(r, ctx, diags, "labels/forbidden", c->begin, c->end,
               c->name + "() writes label " + dst->value +
                   ", which is forbidden: its values are unbounded");
      }
    }
  });
}

}  // namespace

bool template_reads_labels(std::string_view text) {
  return text.find("$labels") != std::string_view::npos ||
         text.find(".Labels") != std::string_view::npos ||
         text.find("index") != std::string_view::npos;
}

void lint_rule_promql(const Rule& rule, const Expr& expr, const LintContext& ctx,
                      diag::Diagnostics& diags) {
  if (enabled(ctx, "promql/counter") || enabled(ctx, "promql/rate-range")) {
    lint_calls(rule, expr, ctx, diags);
  }
  if (enabled(ctx, "promql/histogram-le")) lint_histogram(rule, expr, ctx, diags);
  if (enabled(ctx, "promql/impossible")) lint_impossible(rule, expr, ctx, diags);
  if (enabled(ctx, "alerts/template-labels")) lint_template_labels(rule, expr, ctx, diags);
  if (enabled(ctx, "labels/forbidden")) lint_forbidden_in_expr(rule, expr, ctx, diags);
}

}  // namespace caxtool::rules
