// SPDX-License-Identifier: Apache-2.0
// Follows prometheus/common model.ParseDuration and units.Base2Bytes: the order of units is
// fixed, each appears once, and overflow is an error rather than a wrap.
#include "util/duration.h"

#include <array>
#include <string>

namespace caxtool::util {
namespace {

struct Unit {
  std::string_view name;
  int64_t ms;
};

constexpr std::array<Unit, 7> kUnits{{{"y", 365LL * 24 * 3600 * 1000},
                                      {"w", 7LL * 24 * 3600 * 1000},
                                      {"d", 24LL * 3600 * 1000},
                                      {"h", 3600LL * 1000},
                                      {"m", 60LL * 1000},
                                      {"s", 1000},
                                      {"ms", 1}}};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::optional<int64_t> parse_duration_ms(std::string_view s) {
  if (s == "0") return 0;
  if (s.empty()) return std::nullopt;
  int64_t total = 0;
  size_t next_unit = 0;
  size_t i = 0;
  while (i < s.size()) {
    if (!is_digit(s[i])) return std::nullopt;
    int64_t n = 0;
    while (i < s.size() && is_digit(s[i])) {
      if (n > (INT64_MAX - 9) / 10) return std::nullopt;
      n = n * 10 + (s[i] - '0');
      ++i;
    }
    size_t start = i;
    while (i < s.size() && !is_digit(s[i])) ++i;
    std::string_view unit = s.substr(start, i - start);
    bool found = false;
    for (size_t u = next_unit; u < kUnits.size(); ++u) {
      if (kUnits[u].name == unit) {
        if (n > INT64_MAX / kUnits[u].ms) return std::nullopt;
        int64_t add = n * kUnits[u].ms;
        if (total > INT64_MAX - add) return std::nullopt;
        total += add;
        next_unit = u + 1;
        found = true;
        break;
      }
    }
    if (!found) return std::nullopt;
  }
  return total;
}

std::optional<uint64_t> parse_size_bytes(std::string_view s) {
  size_t i = 0;
  uint64_t n = 0;
  while (i < s.size() && is_digit(s[i])) {
    if (n > (UINT64_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<uint64_t>(s[i] - '0');
    ++i;
  }
  if (i == 0) return std::nullopt;
  std::string_view unit = s.substr(i);
  constexpr std::array<std::string_view, 7> kSizeUnits{"B", "KB", "MB", "GB", "TB", "PB", "EB"};
  for (size_t u = 0; u < kSizeUnits.size(); ++u) {
    if (unit != kSizeUnits[u]) continue;
    uint64_t mult = uint64_t{1} << (10 * u);
    if (n > UINT64_MAX / mult) return std::nullopt;
    return n * mult;
  }
  return std::nullopt;
}

}  // namespace caxtool::util
