// SPDX-License-Identifier: Apache-2.0
// The validity checks promtool applies to each group and rule (model/rulefmt Validate), with
// their versions, as diagnostics at the exact spot.
#pragma once

#include <string>
#include <unordered_map>

#include "diag/diagnostic.h"
#include "gotemplate/template.h"
#include "promql/parser.h"
#include "promql/version.h"
#include "rules/rule_file.h"
#include "yaml/locate.h"

namespace caxtool::rules {

// What the alerts/template-labels lint needs of an alert's templates, made while validating them
// so that each template is parsed once. Keyed by the entry's value.
using TemplateSummaries = std::unordered_map<const Text*, gotemplate::Summary>;

struct ValidateContext {
  std::string file;
  const yaml::SourceIndex* source = nullptr;
  promql::Version version;
  bool experimental_functions = false;
  bool extended_range_selectors = false;
  bool binop_fill_modifiers = false;
  bool duration_expressions = false;
  // When set, summaries of the templates template_reads_labels() picks are added here.
  TemplateSummaries* summaries = nullptr;
};

// Parses a rule's expression once, for validation and lints alike.
promql::ParseResult parse_expr(const Rule& rule, const ValidateContext& ctx);

// Checks one rule (record/alert, expr, names, fields, templates); `parsed` is parse_expr's result.
void validate_rule(const Rule& rule, const promql::ParseResult& parsed, const ValidateContext& ctx,
                   diag::Diagnostics& diags);

// Checks group-level fields other than name uniqueness, which needs the whole file.
void validate_group(const Group& group, const ValidateContext& ctx, diag::Diagnostics& diags);

}  // namespace caxtool::rules
