// SPDX-License-Identifier: Apache-2.0
// The checks of `caxtool check dashboard`: each with a name, a severity, whether it runs by
// default, a summary and the explanation `caxtool help check NAME` prints. Low noise is the
// rule: a check that fires on most well-kept dashboards runs at info or only when asked for.
#pragma once

#include <span>
#include <string_view>

#include "diag/diagnostic.h"

namespace caxtool::dashboard {

struct LintInfo {
  std::string_view name;
  diag::Severity severity;
  bool by_default;  // runs without --lint naming it
  bool fixable;     // --fix rewrites it
  std::string_view summary;
  std::string_view explanation;
};

// Every check, sorted by name.
std::span<const LintInfo> lint_checks();
const LintInfo* find_lint(std::string_view name);

// The name dashboard-linter gives a check, in a .lint file, as ours; empty when none matches.
std::string_view from_dashboard_linter(std::string_view rule);

}  // namespace caxtool::dashboard
