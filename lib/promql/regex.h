// SPDX-License-Identifier: Apache-2.0
// Label-matcher regexes, checked with RE2 (which speaks Go's regexp syntax) and anchored as
// Prometheus anchors them. The only file that knows RE2, so the library links it in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caxtool::promql::detail {

struct RegexCheck {
  std::optional<std::string> error;  // Go's wording: "error parsing regexp: ...: `...`"
  bool matches_empty = false;        // whether "" matches the anchored regex
};

// `quote_raw`: quote the user's text in errors (2.52+) rather than the anchored one.
// `dot_nl`: `.` matches a newline (3.0+).
RegexCheck check_regex(std::string_view re, bool quote_raw, bool dot_nl);

}  // namespace caxtool::promql::detail
