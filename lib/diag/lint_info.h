// SPDX-License-Identifier: Apache-2.0
// What every lint check of every check command is: a name (`promql/histogram-le`), a severity,
// a one-line summary for --list-lints and a paragraph for --explain and `caxtool help check
// NAME`. Each command keeps its own sorted table of these.
#pragma once

#include <string_view>

#include "diag/diagnostic.h"

namespace caxtool::diag {

struct LintInfo {
  std::string_view name;
  Severity severity;
  std::string_view summary;
  std::string_view explanation;
};

}  // namespace caxtool::diag
