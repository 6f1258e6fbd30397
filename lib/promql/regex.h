// SPDX-License-Identifier: Apache-2.0
// Label-matcher regexes, checked with RE2 (which speaks Go's regexp syntax) and anchored as
// Prometheus anchors them. The only file that knows RE2, so the library links it in one place.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace re2 {
class RE2;
}

namespace caxtool::promql::detail {

struct RegexCheck {
  std::optional<std::string> error;  // Go's wording: "error parsing regexp: ...: `...`"
  bool matches_empty = false;        // whether "" matches the anchored regex
};

// `quote_raw`: quote the user's text in errors (2.52+) rather than the anchored one.
// `dot_nl`: `.` matches a newline (3.0+).
RegexCheck check_regex(std::string_view re, bool quote_raw, bool dot_nl);

// A label-matcher regex compiled once and matched many times (tsdb analyze --match runs it on
// every value of a label name), anchored as Prometheus anchors it. Check it with check_regex
// first: an invalid pattern matches nothing.
class LabelRegex {
 public:
  LabelRegex(std::string_view re, bool dot_nl);
  ~LabelRegex();
  LabelRegex(LabelRegex&&) noexcept;
  LabelRegex& operator=(LabelRegex&&) noexcept;
  bool ok() const;
  bool matches(std::string_view value) const;
  // label_replace: when the whole value matches, `out` is `tmpl` expanded with the capture
  // groups as Go's Regexp.ExpandString expands it ($1, ${1}, $name, ${name}, $$).
  bool expand(std::string_view value, std::string_view tmpl, std::string& out) const;

 private:
  std::unique_ptr<re2::RE2> re_;
};

}  // namespace caxtool::promql::detail
