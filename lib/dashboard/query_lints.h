// SPDX-License-Identifier: Apache-2.0
// One Prometheus query being linted: the expansion that was parsed and the maps from its
// offsets back to the dashboard text. Internal to lib/dashboard.
#pragma once

#include <string>
#include <utility>

#include "dashboard/context.h"
#include "promql/ast.h"

namespace caxtool::dashboard {

struct Query {
  Context& c;
  const Panel& panel;
  int target;
  const json::Value& expr;  // the "expr" string
  std::string pointer;
  Expansion x;

  // Dashboard-text offsets of expanded bytes [b, e).
  std::pair<size_t, size_t> source_range(size_t b, size_t e) const;
  // The variable substitutions inside expanded bytes [b, e).
  std::vector<const Expansion::Sub*> subs_in(size_t b, size_t e) const;
  Scope scope() const { return {&panel, target}; }
};

void lint_query(Query& q, const promql::Expr& root);

// The Grafana unit a query's values have, judged from metric names ("s", "bytes", "Bps", ...);
// "" when the names say nothing or the query computes something else.
std::string infer_unit(const promql::Expr& root);

// dashboard/panel-unit: a time series panel whose queries all state `unit` but that sets none.
void check_unit(Context& c, const Panel& p, const std::string& unit);

}  // namespace caxtool::dashboard
