// SPDX-License-Identifier: Apache-2.0
// The lint checks of `caxtool check collector`: what `otelcol validate` accepts but a reviewer
// would send back (processor order, unused components, deprecated types, secrets written into
// the file, the self-metrics address, ports that clash with Caxton's). Each has a name, a
// severity and an explanation for `caxtool help check NAME`.
#pragma once

#include <span>
#include <string_view>

#include "diag/diagnostic.h"
#include "diag/lint_info.h"

namespace caxtool::collector {

using LintInfo = diag::LintInfo;  // the shape every check command shares

// Every lint check, sorted by name.
std::span<const LintInfo> lint_checks();
const LintInfo* find_lint(std::string_view name);

inline constexpr std::string_view kLintBatch = "collector/batch-order";
inline constexpr std::string_view kLintDeprecated = "collector/deprecated-component";
inline constexpr std::string_view kLintDuplicate = "collector/duplicate-in-pipeline";
inline constexpr std::string_view kLintBareEnv = "collector/env-bare-dollar";
inline constexpr std::string_view kLintEnvScheme = "collector/env-scheme";
inline constexpr std::string_view kLintSecret = "collector/literal-secret";
inline constexpr std::string_view kLintMemoryLimiter = "collector/memory-limiter";
inline constexpr std::string_view kLintPortClash = "collector/port-clash";
inline constexpr std::string_view kLintRenamed = "collector/renamed-component";
inline constexpr std::string_view kLintSelfMetrics = "collector/self-metrics";
inline constexpr std::string_view kLintSelfMetricsLocal = "collector/self-metrics-localhost";
inline constexpr std::string_view kLintUnused = "collector/unused-component";

}  // namespace caxtool::collector
