// SPDX-License-Identifier: Apache-2.0
// Lint checks for rules: what promtool lets through but breaks alerting in production. Each
// check has a name, a severity and an explanation (caxtool check rules --explain NAME), and can
// be turned off per file, per rule (# caxtool disable NAME) and with --lint.
#pragma once

#include <set>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/lint_info.h"
#include "gotemplate/template.h"
#include "promql/parser.h"
#include "promql/version.h"
#include "rules/rule_file.h"
#include "yaml/locate.h"

namespace caxtool::rules {

using LintInfo = diag::LintInfo;  // the shape every check command shares

// Every lint check, sorted by name.
std::span<const LintInfo> lint_checks();
const LintInfo* find_lint(std::string_view name);

struct LintContext {
  std::string file;
  const yaml::SourceIndex* source = nullptr;
  promql::Version version;
  const std::set<std::string, std::less<>>* enabled = nullptr;
  int64_t scrape_interval_ms = 60'000;
  const std::vector<std::string>* forbidden_labels = nullptr;
  // Template summaries validation made (ValidateContext::summaries); others are parsed here.
  const std::unordered_map<const Text*, gotemplate::Summary>* summaries = nullptr;
};

// Whether a template may read a label ($labels.x, .Labels.x, index ...): the ones
// alerts/template-labels parses.
bool template_reads_labels(std::string_view text);

// `exprs` holds each rule's parsed expression, in rule order.
void run_lints(const Group& group, std::span<const promql::ParseResult> exprs,
               const LintContext& ctx, diag::Diagnostics& diags);

// promtool's duplicate-rules lint: the same name and labels twice in one file. One is kept per
// rule until the file is done, so the name and sorted labels are packed into one string that
// compares as (name, labels) would: each field ends in "\0\0" and a NUL inside one is written
// "\0\xff" (half the memory of a string and a vector of string pairs, in one allocation).
struct DuplicateKey {
  std::string key;
  yaml::Mark at;
  std::string name() const;  // the first field, unpacked
  friend bool operator<(const DuplicateKey& a, const DuplicateKey& b) { return a.key < b.key; }
};
DuplicateKey duplicate_key(const Group& g, const Rule& r, promql::Version version);
void report_duplicates(const std::vector<DuplicateKey>& keys, const std::string& file,
                       diag::Diagnostics& diags);

// Drops lint findings that a `# caxtool disable NAME` (the rule it sits in, or the rule right
// below it) or `# caxtool file/disable NAME` (the whole file) comment in `text` turns off.
// `rule_lines` are the sorted first lines of every rule. Validity errors are never dropped.
void apply_disable_comments(std::string_view text, const std::vector<int>& rule_lines,
                            diag::Diagnostics& diags);

}  // namespace caxtool::rules
