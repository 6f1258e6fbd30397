// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the PromQL unit tests: each renders a parse as one string, so a test is
// one comparison.
#pragma once

#include <string>
#include <string_view>

#include "promql/parser.h"

namespace promql_test {

inline caxtool::promql::ParseOptions at(std::string_view version, bool experimental = false) {
  caxtool::promql::ParseOptions o;
  o.version = *caxtool::promql::parse_version(version);
  o.enable_experimental_functions = experimental;
  return o;
}

inline caxtool::promql::ParseOptions all_features() {
  caxtool::promql::ParseOptions o;
  o.enable_experimental_functions = true;
  o.enable_duration_expressions = true;
  o.enable_extended_range_selectors = true;
  o.enable_binop_fill_modifiers = true;
  return o;
}

// The dump of a valid expression, or "error [begin,end): message" for the first error.
inline std::string tree(std::string_view expr, const caxtool::promql::ParseOptions& o = {}) {
  auto r = caxtool::promql::parse(expr, o);
  if (!r.ok()) {
    if (r.errors.empty()) return "error: none reported";
    const auto& e = r.errors.front();
    return "error [" + std::to_string(e.begin) + "," + std::to_string(e.end) + "): " + e.message;
  }
  return caxtool::promql::dump(*r.expr);
}

// The canonical form of a valid expression, or the error as tree() renders it.
inline std::string formatted(std::string_view expr, const caxtool::promql::ParseOptions& o = {}) {
  auto r = caxtool::promql::parse(expr, o);
  if (!r.ok()) return tree(expr, o);
  return caxtool::promql::format(*r.expr);
}

// Prometheus's rendering of the first error ("1:5: parse error: ..."), or "ok".
inline std::string prom_error(std::string_view expr, const caxtool::promql::ParseOptions& o = {}) {
  auto r = caxtool::promql::parse(expr, o);
  if (r.ok()) return "ok";
  return caxtool::promql::prometheus_error_string(expr, r.errors.front());
}

}  // namespace promql_test
