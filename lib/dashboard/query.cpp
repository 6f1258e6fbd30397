// SPDX-License-Identifier: Apache-2.0
// The Prometheus queries of every panel: expand the template variables, parse as PromQL with
// the error mapped back to the column in the file, then the checks that read the tree: rate
// windows, rates over non-counters, histogram_quantile without le, multi-value variables with
// =, job/instance matchers, metric names for --url, and the unit a panel's metrics state.
#include <algorithm>

#include "dashboard/context.h"
#include "dashboard/query_lints.h"
#include "promql/parser.h"

namespace caxtool::dashboard {
namespace {

// The datasource plugin a reference resolves to: "" when unknown.
std::string datasource_type(const Context& c, const json::Value* ds) {
  if (ds == nullptr || ds->is_null()) return "";
  std::string_view uid;
  if (ds->is_object()) {
    if (!ds->str("type").empty()) return std::string(ds->str("type"));
    uid = ds->str("uid");
  } else if (ds->is_string()) {
    uid = ds->text;
  }
  std::vector<Reference> refs = find_references(uid);
  if (!refs.empty()) {
    if (const Variable* v = c.vars.find(refs.front().name)) return v->plugin;
    const json::Value* inputs = c.dash.get("__inputs");
    if (inputs != nullptr && inputs->is_array()) {
      for (const json::Value& i : inputs->items) {
        if (i.str("name") == refs.front().name) return std::string(i.str("pluginId"));
      }
    }
    return "";
  }
  std::string lower;
  for (char ch : uid) lower += static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
  if (lower.find("loki") != std::string::npos) return "loki";
  if (lower.find("-- mixed --") != std::string::npos) return "datasource";
  return "";
}

bool is_prometheus(std::string_view type) {
  return type.empty() || type.find("prometheus") != std::string_view::npos;
}

// The error lies in (or right after) a stand-in whose value was guessed.
bool in_guess(const Expansion& x, size_t at) {
  return std::any_of(x.subs.begin(), x.subs.end(), [at](const Expansion::Sub& s) {
    return s.guessed && at + 1 >= s.begin && at <= s.end + 1;
  });
}

}  // namespace

void check_queries(Context& c) {
  for (const Panel& p : c.panels) {
    const json::Value* ts = p.v->get("targets");
    if (ts == nullptr || !ts->is_array()) continue;
    std::string panel_type = datasource_type(c, p.v->get("datasource"));
    if (p.v->str("type") == "logs") continue;
    std::vector<std::string> units;
    bool all_units = true;
    for (size_t i = 0; i < ts->items.size(); ++i) {
      const json::Value& t = ts->items[i];
      const json::Value* expr = t.get("expr");
      if (expr == nullptr || !expr->is_string() || expr->text.empty()) continue;
      std::string type = datasource_type(c, t.get("datasource"));
      if (type.empty() || type == "datasource") type = panel_type == "datasource" ? "" : panel_type;
      if (!is_prometheus(type)) continue;
      ++c.out.queries;
      Query q{
          c, p, static_cast<int>(i), *expr, p.pointer + "/targets/" + std::to_string(i) + "/expr",
          {}};
      q.x = expand(expr->text, c.vars, false);
      promql::ParseResult r = promql::parse(q.x.text, c.options.promql);
      if (!r.ok() && !r.errors.empty() && in_guess(q.x, r.errors.front().begin)) {
        Expansion alt = expand(expr->text, c.vars, true);
        promql::ParseResult r2 = promql::parse(alt.text, c.options.promql);
        if (r2.ok() || (!r2.errors.empty() && in_guess(alt, r2.errors.front().begin))) {
          if (!r2.ok()) continue;  // a variable holding PromQL syntax: cannot be judged
          q.x = std::move(alt);
          r = std::move(r2);
        }
      }
      if (!r.ok()) {
        const promql::ParseError& e = r.errors.front();
        auto [b, en] = q.source_range(e.begin, std::max(e.end, e.begin + 1));
        c.report("dashboard/promql", b, en, q.pointer, e.message, {}, {&p, q.target});
        all_units = false;
        continue;
      }
      bool hidden = t.get("hide") != nullptr && t.get("hide")->text == "true";
      lint_query(q, *r.expr);
      if (!hidden) {
        std::string u = infer_unit(*r.expr);
        if (u.empty()) all_units = false;
        units.push_back(std::move(u));
      }
    }
    if (all_units && !units.empty() &&
        std::all_of(units.begin(), units.end(),
                    [&](const std::string& u) { return u == units[0]; })) {
      check_unit(c, p, units[0]);
    }
  }
}

}  // namespace caxtool::dashboard
