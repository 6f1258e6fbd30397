// SPDX-License-Identifier: Apache-2.0
// The checks that read a parsed query, each judging what the author wrote (not the expansion):
// a window that came from $__rate_interval is fine, a job matcher built from $job is fine.
#include "dashboard/query_lints.h"

#include <algorithm>

namespace caxtool::dashboard {
namespace {

using promql::Aggregate;
using promql::Call;
using promql::Expr;
using promql::MatrixSelector;
using promql::NodeKind;
using promql::Paren;
using promql::VectorSelector;

const Expr* unwrap(const Expr* e) {
  while (e != nullptr && e->kind == NodeKind::kParen) e = e->as<Paren>()->expr.get();
  return e;
}

bool is_counter_name(std::string_view n) {
  // Exporters that name counters without _total; the dashboard cannot change that.
  for (std::string_view p : {"mysql_global_status_", "mysql_info_schema_", "pg_stat_",
                             "node_netstat_", "node_vmstat_", "node_snmp6_"}) {
    if (n.starts_with(p)) return true;
  }
  return n.ends_with("_total") || n.ends_with("_count") || n.ends_with("_sum") ||
         n.ends_with("_bucket") || n.find(':') != std::string_view::npos;
}

void rate_window(Query& q, const Call& call, const MatrixSelector& m) {
  const std::string& t = q.x.text;
  size_t open = t.find('[', m.selector->end);
  if (open == std::string::npos || open >= m.end) return;
  size_t b = open + 1, e = t.find(']', b);
  if (e == std::string::npos || e > m.end) return;
  auto subs = q.subs_in(b, e);
  std::string found;
  if (!subs.empty()) {
    // Only $__interval is a mistake; other variables ($__range, $window) are deliberate.
    if (subs.size() != 1 || subs[0]->name != "__interval") return;
    found = q.expr.text.substr(subs[0]->src_begin, subs[0]->src_end - subs[0]->src_begin);
  } else {
    if (m.range_ns >= 3'600'000'000'000) return;  // an hour or more: a deliberate window
    found = t.substr(b, e - b);
  }
  auto [sb, se] = q.source_range(b, e);
  q.c.report("dashboard/rate-interval", sb, se, q.pointer,
             call.name + "() over [" + found + "] instead of [$__rate_interval]",
             "a fixed window goes blank when the step or the scrape interval outgrows it",
             q.scope());
  // increase()'s window is the unit of its result (requests per 5m): rewriting it changes the
  // numbers, so only rate() and irate() are fixed.
  if (call.name == "increase") return;
  q.c.edit("dashboard/rate-interval", sb, se, "$__rate_interval",
           q.pointer + ": [" + found + "] -> [$__rate_interval]", q.scope());
}

void calls(Query& q, const Expr& root) {
  promql::walk(root, [&q](const Expr& e) {
    const Call* call = e.as<Call>();
    if (call == nullptr || call->args.empty()) return;
    bool rate = call->name == "rate" || call->name == "irate" || call->name == "increase";
    const MatrixSelector* m = unwrap(call->args.front().get())->as<MatrixSelector>();
    if (rate && m != nullptr) {
      rate_window(q, *call, *m);
      const VectorSelector* vs = m->vector_selector();
      std::string_view name = vs != nullptr ? vs->metric_name() : std::string_view();
      if (!name.empty() && !is_counter_name(name) && vs->name == name &&
          q.subs_in(vs->begin, vs->begin + name.size()).empty()) {
        auto [b, en] = q.source_range(vs->begin, vs->begin + name.size());
        q.c.report("dashboard/rate-counter", b, en, q.pointer,
                   call->name + "() over " + std::string(name) +
                       ", which is not named like a counter (_total, _count, _sum, _bucket)",
                   "use deriv() or delta() for a gauge", q.scope());
      }
    }
    if (call->name != "histogram_quantile" || call->args.size() < 2) return;
    const Aggregate* agg = unwrap(call->args[1].get())->as<Aggregate>();
    if (agg == nullptr || !agg->has_grouping) return;
    bool has_le =
        std::find(agg->grouping.begin(), agg->grouping.end(), "le") != agg->grouping.end();
    bool classic = false;
    promql::walk(*agg, [&classic](const Expr& inner) {
      const VectorSelector* vs = inner.as<VectorSelector>();
      if (vs != nullptr && vs->metric_name().ends_with("_bucket")) classic = true;
    });
    if ((agg->without ? has_le : !has_le) && classic) {
      auto [b, en] = q.source_range(agg->begin, agg->end);
      q.c.report("dashboard/histogram-le", b, en, q.pointer,
                 std::string(agg->op_name()) + (agg->without ? " without" : " by") +
                     " drops the le label, so histogram_quantile() has no buckets to read",
                 agg->without ? "remove le from without (...)" : "add le to by (...)", q.scope());
    }
  });
}

void selectors(Query& q, const Expr& root) {
  const Variable* job = q.c.vars.find("job");
  const Variable* instance = q.c.vars.find("instance");
  promql::walk(root, [&](const Expr& e) {
    const VectorSelector* vs = e.as<VectorSelector>();
    if (vs == nullptr) return;
    std::string_view name = vs->metric_name();
    if (!name.empty() && vs->name == name &&
        q.subs_in(vs->begin, vs->begin + name.size()).empty()) {
      auto [b, en] = q.source_range(vs->begin, vs->begin + name.size());
      diag::Diagnostic where = q.c.locate(b, en);
      where.message = q.pointer;
      q.c.out.metrics.push_back({std::string(name), std::move(where)});
    }
    for (const promql::Matcher& m : vs->matchers) {
      auto subs = q.subs_in(m.begin, m.end);
      auto [b, en] = q.source_range(m.begin, m.end);
      bool equal = m.op == promql::MatchOp::kEqual || m.op == promql::MatchOp::kNotEqual;
      for (const Expansion::Sub* s : subs) {
        const Variable* v = q.c.vars.find(s->name);
        if (!equal || v == nullptr || !v->multi_valued()) continue;
        q.c.report("dashboard/multi-value-equals", b, en, q.pointer,
                   "variable \"" + v->name + "\" can hold several values but is matched with " +
                       std::string(promql::match_op_name(m.op)),
                   std::string("use ") + (m.op == promql::MatchOp::kEqual ? "=~" : "!~"),
                   q.scope());
        break;
      }
      const Variable* want = m.name == "job" ? job : m.name == "instance" ? instance : nullptr;
      if (want != nullptr && subs.empty()) {
        q.c.report(
            "dashboard/job-instance", b, en, q.pointer,
            m.name + " is matched against a fixed value, not the $" + want->name + " variable",
            m.name + "=~\"$" + want->name + "\"", q.scope());
      }
    }
  });
}

}  // namespace

std::pair<size_t, size_t> Query::source_range(size_t b, size_t e) const {
  const std::vector<uint32_t>& map = x.to_source;
  b = std::min(b, map.size() - 1);
  e = std::min(std::max(e, b), map.size() - 1);
  size_t sb = map[b];
  size_t se = e > b ? map[e - 1] + 1 : sb;
  // A stand-in maps to its reference's start; cover the whole reference.
  for (const Expansion::Sub& s : x.subs) {
    if (s.end > b && s.begin < e) se = std::max(se, s.src_end);
  }
  return {c.string_at(expr, sb), c.string_at(expr, std::max(se, sb))};
}

std::vector<const Expansion::Sub*> Query::subs_in(size_t b, size_t e) const {
  std::vector<const Expansion::Sub*> out;
  for (const Expansion::Sub& s : x.subs) {
    if (s.begin < e && s.end > b) out.push_back(&s);
  }
  return out;
}

void lint_query(Query& q, const promql::Expr& root) {
  calls(q, root);
  selectors(q, root);
}

}  // namespace caxtool::dashboard
