// SPDX-License-Identifier: Apache-2.0
// Reading dashboard-linter's .lint. Unknown rule names of dashboard-linter that have no
// counterpart here (template-job-rule, ...) are ignored; a name that is neither theirs nor ours
// is reported, since a typo would otherwise silently keep a finding.
#include "dashboard/lint_file.h"

#include <charconv>

#include "dashboard/lint.h"
#include "yaml/node.h"

namespace caxtool::dashboard {
namespace {

constexpr std::string_view kTheirs[] = {"template-datasource-rule",
                                        "template-job-rule",
                                        "template-instance-rule",
                                        "template-label-promql-rule",
                                        "template-on-time-change-reload-rule",
                                        "panel-no-targets-rule",
                                        "target-logql-rule",
                                        "target-logql-auto-rule"};

void warn(LintFile& out, const std::string& file, const yaml::Node& n, std::string message) {
  diag::Diagnostic d;
  d.file = file;
  d.line = n.start.line;
  d.column = n.start.column;
  d.severity = diag::Severity::kWarning;
  d.check = "config";
  d.message = std::move(message);
  out.diagnostics.add(std::move(d));
}

}  // namespace

LintFile read_lint_file(std::string_view text, const std::string& file) {
  LintFile out;
  yaml::ParseResult parsed = yaml::parse(text, file);
  out.diagnostics.append(parsed.diagnostics);
  if (!parsed.ok() || parsed.documents.empty() || !parsed.documents[0].root.is_mapping()) {
    return out;
  }
  const yaml::Node* ex = parsed.documents[0].root.get("exclusions");
  if (ex == nullptr || !ex->is_mapping()) return out;
  for (size_t i = 0; i < ex->entry_count(); ++i) {
    const std::string& rule = ex->key(i).value;
    std::string_view ours = from_dashboard_linter(rule);
    if (ours.empty()) {
      bool theirs = false;
      for (std::string_view t : kTheirs) theirs = theirs || t == rule;
      if (!theirs) warn(out, file, ex->key(i), "unknown rule \"" + rule + "\"");
      continue;
    }
    const yaml::Node& body = ex->val(i);
    const yaml::Node* entries = body.is_mapping() ? body.get("entries") : nullptr;
    if (entries == nullptr || !entries->is_sequence() || entries->children.empty()) {
      out.exclusions.push_back({std::string(ours), "", "", "", std::nullopt});
      continue;
    }
    for (const yaml::Node& e : entries->children) {
      if (!e.is_mapping()) continue;
      Exclusion x{std::string(ours), "", "", "", std::nullopt};
      if (const yaml::Node* d = e.get("dashboard")) x.dashboard = d->value;
      if (const yaml::Node* p = e.get("panel")) x.panel = p->value;
      const yaml::Node* t = e.get("targetIdx");
      if (t == nullptr) t = e.get("targetidx");
      if (t != nullptr) {
        int idx = 0;
        auto [p, ec] = std::from_chars(t->value.data(), t->value.data() + t->value.size(), idx);
        if (ec == std::errc() && p == t->value.data() + t->value.size()) x.target = idx;
      }
      out.exclusions.push_back(std::move(x));
    }
  }
  return out;
}

}  // namespace caxtool::dashboard
