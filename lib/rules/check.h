// SPDX-License-Identifier: Apache-2.0
// `check rules` as a library call: a rule file's text in, diagnostics out. Validity is what
// promtool check rules decides; lint checks (lib/rules/lint.h) come on top.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "promql/version.h"

namespace caxtool::rules {

struct CheckOptions {
  promql::Version version = promql::newest_version();
  bool experimental_functions = false;
  bool extended_range_selectors = false;  // promql-extended-range-selectors (3.7+)
  bool binop_fill_modifiers = false;      // promql-binop-fill-modifiers (3.10+)
  bool duration_expressions = false;      // promql-duration-expr (3.4-3.13; always from 3.14)
  // Lint checks to run, by name; "duplicate-rules" is promtool's own lint.
  std::set<std::string, std::less<>> lints;
  // The scrape interval rate windows are judged against (promql/rate-range).
  int64_t scrape_interval_ms = 60'000;
  // Labels no rule may create (labels/forbidden); util::default_forbidden_labels() by default.
  std::vector<std::string> forbidden_labels;
  // When set, the findings of a large file (256 KB and up) come here group by group, in file
  // order, as soon as each group is checked, instead of all at once in FileResult: memory holds
  // one group's findings, not the file's. What only the whole file decides (YAML errors, the
  // root's shape, duplicate rules, later documents) stays in FileResult, so it comes after them.
  std::function<void(diag::Diagnostics&&)> on_findings;
  // Read the YAML with the fast reader first (lib/yaml/fast_parse.h); false: libyaml alone, the
  // reference the tests compare it with.
  bool fast_yaml = true;
};

struct FileResult {
  size_t groups = 0;
  size_t rules = 0;
  diag::Diagnostics diagnostics;
};

// Checks every document of `text` (a rule file, or a Kubernetes PrometheusRule). `file` names
// the diagnostics.
FileResult check_rules_text(std::string_view text, const std::string& file,
                            const CheckOptions& options);

}  // namespace caxtool::rules
