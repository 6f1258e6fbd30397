// SPDX-License-Identifier: Apache-2.0
// The lint checks of `caxtool check metrics`: promtool check metrics' eight promlint rules
// (client_golang v1.14, the version promtool 2.42 vendors) with its messages, plus two that
// promtool 2.42 lacks (duplicate series, histogram buckets), at info so they never change
// promtool's verdict. Each has a name, a severity and an explanation for
// `caxtool help check NAME`.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "diag/lint_info.h"
#include "exposition/types.h"

namespace caxtool::exposition {

using LintInfo = diag::LintInfo;  // the shape every check command shares

// Every lint check, sorted by name.
std::span<const LintInfo> lint_checks();
const LintInfo* find_lint(std::string_view name);

inline constexpr std::string_view kLintHelp = "metrics/help";
inline constexpr std::string_view kLintUnits = "metrics/units";
inline constexpr std::string_view kLintCounter = "metrics/counter";
inline constexpr std::string_view kLintReserved = "metrics/histogram-summary-reserved";
inline constexpr std::string_view kLintTypeInName = "metrics/type-in-name";
inline constexpr std::string_view kLintReservedChars = "metrics/reserved-chars";
inline constexpr std::string_view kLintCamelCase = "metrics/camel-case";
inline constexpr std::string_view kLintAbbreviations = "metrics/unit-abbreviations";
inline constexpr std::string_view kLintDuplicate = "metrics/duplicate-series";
inline constexpr std::string_view kLintBuckets = "metrics/histogram-buckets";

struct NameProblem {
  std::string_view lint;
  std::string message;
};

// promlint's findings on a family's name and type (everything but help and labels). In
// OpenMetrics the family name of a counter has no _total (its samples do), so that half of
// metrics/counter is left out there.
void name_problems(std::string_view name, MetricType type, Format format,
                   std::vector<NameProblem>& out);

bool is_camel_case(std::string_view name);

}  // namespace caxtool::exposition
