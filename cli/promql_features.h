// SPDX-License-Identifier: Apache-2.0
// The --enable-feature flag that check rules and test rules share with promtool: Prometheus's
// names for optional PromQL, each command offering those its engine or parser honours. CLI11
// checks the values, so help, the man page and completions list them and a typo is a usage
// error before anything runs.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "command.h"

namespace caxtool::cli {

inline constexpr std::string_view kFeatureExperimentalFunctions = "promql-experimental-functions";
inline constexpr std::string_view kFeatureExtendedRangeSelectors =
    "promql-extended-range-selectors";
inline constexpr std::string_view kFeatureBinopFillModifiers = "promql-binop-fill-modifiers";
inline constexpr std::string_view kFeatureDelayedNameRemoval = "promql-delayed-name-removal";
inline constexpr std::string_view kFeatureDurationExpr = "promql-duration-expr";

// --enable-feature FEATURE[,FEATURE...], repeatable, one of `offered` each.
CLI::Option* add_feature_option(CLI::App& app, Choices& choices, std::vector<std::string>& target,
                                std::vector<std::string> offered);

inline bool has_feature(const std::vector<std::string>& enabled, std::string_view name) {
  for (const std::string& f : enabled)
    if (f == name) return true;
  return false;
}

}  // namespace caxtool::cli
