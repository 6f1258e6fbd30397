// SPDX-License-Identifier: Apache-2.0
// Rule groups as Prometheus's rules.Group evaluates them for promtool: each rule queried at the
// step's time, recording rules appended to the store (visible to the next rule), stale markers
// for series a rule stopped returning, and the alerting state machine (pending, firing, `for`,
// `keep_firing_for`, inactive) with ALERTS and ALERTS_FOR_STATE and templated labels and
// annotations. Internal to lib/ruletest.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/diagnostic.h"
#include "gotemplate/exec.h"
#include "promql/ast.h"
#include "promql/eval/engine.h"
#include "ruletest/test_file.h"

namespace caxtool::ruletest::detail {

using promql::eval::Labels;

enum class AlertState { kInactive, kPending, kFiring };

struct Alert {
  Labels labels;
  Labels annotations;
  AlertState state = AlertState::kPending;
  int64_t active_at = 0;
  int64_t fired_at = 0;
  int64_t resolved_at = -1;  // -1: never resolved
  int64_t keep_firing_since = -1;
  double value = 0;
};

struct Rule {
  bool alerting = false;
  std::string name;
  std::unique_ptr<promql::Expr> expr;
  int64_t for_ms = 0;
  int64_t keep_firing_for_ms = 0;
  Labels labels;       // sorted, as written (templates for an alert)
  Labels annotations;  // sorted
  // The expression, labels or annotations mention `@` or `offset`: it may look past the step.
  bool looks_ahead = false;
  // State between evaluations.
  std::unordered_map<std::string, Alert> active;
  std::unordered_map<std::string, Labels> previous_series;
  std::optional<std::string> last_error;
  // Parsed label and annotation templates, in the order of `labels` then `annotations`.
  std::vector<std::shared_ptr<const gotemplate::CompiledTemplate>> templates;
};

struct Group {
  std::string file;
  std::string name;
  int64_t limit = 0;
  std::vector<Rule> rules;
};

// What every evaluation needs besides the rule.
struct EvalContext {
  promql::eval::Storage* storage = nullptr;
  promql::eval::EvalOptions options;
  Labels external_labels;
  std::string external_url;
  promql::Version version;
  // The experimental syntax a template's query may use.
  bool extended_range_selectors = false, binop_fill_modifiers = false;
  bool duration_expressions = false;
};

// The check name of a refusal whose message is promtool's whole text.
inline constexpr const char* kPromtoolWorded = "test/rule-file";

// Loads the rule files (already globbed) into groups ordered as promtool orders them. Refusals
// (what promtool check rules refuses) go to `diags`; `features` (the version and the enabled
// experimental syntax) decide the grammar.
std::vector<Group> load_groups(const std::vector<std::string>& files,
                               const std::vector<std::string>& eval_order,
                               const promql::ParseOptions& features, diag::Diagnostics& diags);

// Evaluates every rule of `group` at `t` (ms). Errors stay in each rule's last_error.
void eval_group(Group& group, int64_t t, const EvalContext& ctx);

// A label set's identity for maps.
std::string labels_key(const Labels& labels);
// labels.Compare.
int compare_labels(const Labels& a, const Labels& b);

}  // namespace caxtool::ruletest::detail
