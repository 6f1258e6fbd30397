// SPDX-License-Identifier: Apache-2.0
// The `.lint` file grafana/dashboard-linter reads from a dashboard's directory, so a repository
// that already has one keeps its exclusions: its rule names are mapped to ours, and ours are
// accepted too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dashboard/check.h"
#include "diag/diagnostic.h"

namespace caxtool::dashboard {

struct LintFile {
  std::vector<Exclusion> exclusions;
  diag::Diagnostics diagnostics;
};

//   exclusions:
//     target-rate-interval-rule:          # or dashboard/rate-interval; empty: everywhere
//       reason: ...
//       entries:
//         - {dashboard: Title, panel: Panel title, targetIdx: 2}
//   warnings: ...                          # read and ignored: severities are ours
LintFile read_lint_file(std::string_view text, const std::string& file);

}  // namespace caxtool::dashboard
