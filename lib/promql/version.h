// SPDX-License-Identifier: Apache-2.0
// Which Prometheus release the PromQL front end imitates. PromQL changed between 2.42 and 3.x
// (new functions, quoted names, numbers as durations, duration arithmetic), and a rule that one
// release accepts another rejects, so every grammar and table decision asks this version.
#pragma once

#include <compare>
#include <optional>
#include <string_view>

namespace caxtool::promql {

// A Prometheus minor release. Patch releases are not modelled: each minor is taken at its
// newest patch.
struct Version {
  int major = 3;
  int minor = 99;
  friend constexpr auto operator<=>(const Version&, const Version&) = default;
};

// "2.42", "3.0", "v3.8", "2.42.1" (the patch is ignored); nullopt for anything else.
std::optional<Version> parse_version(std::string_view text);

// The newest release whose grammar and function table this front end knows.
constexpr Version newest_version() { return Version{3, 14}; }

// The oldest release it knows; older versions are treated as this one.
constexpr Version oldest_version() { return Version{2, 42}; }

struct ParseOptions {
  Version version = newest_version();
  // --enable-feature=promql-experimental-functions (2.49+): experimental functions and the
  // limitk/limit_ratio aggregations.
  bool enable_experimental_functions = false;
  // --enable-feature=promql-duration-expr (3.4-3.13; always on from 3.14).
  bool enable_duration_expressions = false;
  // --enable-feature=promql-extended-range-selectors (3.7+): `anchored`, `smoothed`.
  bool enable_extended_range_selectors = false;
  // --enable-feature=promql-binop-fill-modifiers (3.10+): fill(), fill_left(), fill_right().
  bool enable_binop_fill_modifiers = false;
};

}  // namespace caxtool::promql
