// SPDX-License-Identifier: Apache-2.0
// Lint checks for prometheus.yml: what promtool accepts but costs data or alerts in production.
// Each has a name, a severity and an explanation (`caxtool help check NAME`); --lint selects
// them, and `# caxtool disable NAME` on or above a line (or `# caxtool file/disable NAME`)
// silences one.
#pragma once

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/lint_info.h"
#include "promconfig/model.h"
#include "promql/version.h"
#include "yaml/node.h"

namespace caxtool::promconfig {

using LintInfo = diag::LintInfo;  // the shape every check command shares

// Every lint check, sorted by name.
std::span<const LintInfo> lint_checks();
const LintInfo* find_lint(std::string_view name);

// What the lints need from one rule: where it is, the labels it reads, the windows of its
// rate()-like calls and the jobs its selectors name.
struct RateWindow {
  std::string function;
  int64_t range_ms = 0;
  std::string job;  // a job="..." matcher on the selector, or ""
};

struct RuleRef {
  std::string name;
  bool alert = false;
  yaml::Mark at;                    // the expr
  std::vector<std::string> labels;  // labels the alert reads: matchers, grouping, templates
  std::vector<std::string> jobs;    // job="..." matchers in the expression
  std::vector<RateWindow> windows;
};

struct LoadedRuleFile {
  std::string path;
  std::vector<RuleRef> rules;
};

// Reads the rules of a rule file for the lints; a file that does not load gives no rules (its
// errors come from `check rules`).
LoadedRuleFile load_rule_file(const std::string& path, std::string_view text,
                              promql::Version version);

struct LintInput {
  const std::string& file;
  std::string_view text;  // the config's text, for disable comments
  Model& model;           // its job_findings are moved into the diagnostics
  const std::vector<LoadedRuleFile>& rule_files;
  const std::set<std::string, std::less<>>& enabled;
  bool dot_nl = true;  // regexes as 3.x compiles them
};

void run_lints(const LintInput& in, diag::Diagnostics& diags);

// config/relabel-never-matches for one job, run as it is validated so that its relabel rules
// need not be kept; run_lints reports them (Model::job_findings) when the check is enabled.
void relabel_findings(const Job& j, const JobRelabelling& rel, bool dot_nl, const std::string& file,
                      std::vector<diag::Diagnostic>& out);

}  // namespace caxtool::promconfig
