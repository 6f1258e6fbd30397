// SPDX-License-Identifier: Apache-2.0
// Lint checks that read a rule's PromQL: rates over gauges, windows too short for the scrape
// interval, histogram_quantile without le, comparisons that can never hold, and annotation
// templates reading labels the expression has aggregated away.
#pragma once

#include "diag/diagnostic.h"
#include "promql/parser.h"
#include "rules/rule_file.h"

namespace caxtool::rules {

struct LintContext;

void lint_rule_promql(const Rule& rule, const promql::Expr& expr, const LintContext& ctx,
                      diag::Diagnostics& diags);

}  // namespace caxtool::rules
