// SPDX-License-Identifier: Apache-2.0
// Parsing of "--prometheus-version" values.
#include "promql/version.h"

#include <charconv>

namespace caxtool::promql {

namespace {
// Reads a decimal number at the front of `s` and removes it; nullopt if none.
std::optional<int> take_number(std::string_view& s) {
  int value = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr == s.data()) return std::nullopt;
  s.remove_prefix(static_cast<size_t>(ptr - s.data()));
  return value;
}
}  // namespace

std::optional<Version> parse_version(std::string_view text) {
  if (!text.empty() && (text.front() == 'v' || text.front() == 'V')) text.remove_prefix(1);
  auto major = take_number(text);
  if (!major || text.empty() || text.front() != '.') return std::nullopt;
  text.remove_prefix(1);
  auto minor = take_number(text);
  if (!minor) return std::nullopt;
  if (!text.empty()) {
    if (text.front() != '.') return std::nullopt;
    text.remove_prefix(1);
    if (!take_number(text) || !text.empty()) return std::nullopt;
  }
  if (*major < 2 || *major > 3 || *minor < 0) return std::nullopt;
  return Version{*major, *minor};
}

}  // namespace caxtool::promql
