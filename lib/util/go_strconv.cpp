// SPDX-License-Identifier: Apache-2.0
// strconv's integer parsing, line by line: what the PromQL lexer and the template parser accept
// as an integer literal must be exactly what Go accepts.
#include "util/go_strconv.h"

namespace caxtool::util {
namespace {

char lower(char c) { return static_cast<char>(c | ('x' - 'X')); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool go_underscore_ok(std::string_view s) {
  char saw = '^';  // ^ start, 0 digit or prefix, _ underscore, ! anything else
  size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' &&
      (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (is_digit(c) || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
      continue;
    }
    if (saw == '_') return false;
    saw = '!';
  }
  return saw != '_';
}

GoNumError go_parse_uint(std::string_view s, uint64_t* value) {
  if (s.empty()) return GoNumError::kSyntax;
  std::string_view s0 = s;
  unsigned base = 10;
  if (s[0] == '0') {
    if (s.size() >= 3 && lower(s[1]) == 'b') {
      base = 2;
      s.remove_prefix(2);
    } else if (s.size() >= 3 && lower(s[1]) == 'o') {
      base = 8;
      s.remove_prefix(2);
    } else if (s.size() >= 3 && lower(s[1]) == 'x') {
      base = 16;
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  bool underscores = false;
  uint64_t n = 0;
  for (char c : s) {
    unsigned d = 0;
    if (c == '_') {
      underscores = true;
      continue;
    }
    if (is_digit(c)) {
      d = static_cast<unsigned>(c - '0');
    } else if (lower(c) >= 'a' && lower(c) <= 'z') {
      d = static_cast<unsigned>(lower(c) - 'a') + 10;
    } else {
      return GoNumError::kSyntax;
    }
    if (d >= base) return GoNumError::kSyntax;
    if (n > (UINT64_MAX - d) / base) return GoNumError::kRange;
    n = n * base + d;
  }
  if (underscores && !go_underscore_ok(s0)) return GoNumError::kSyntax;
  *value = n;
  return GoNumError::kNone;
}

GoNumError go_parse_int(std::string_view s, int64_t* value) {
  if (s.empty()) return GoNumError::kSyntax;
  bool negative = false;
  if (s[0] == '+' || s[0] == '-') {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  uint64_t magnitude = 0;
  GoNumError e = go_parse_uint(s, &magnitude);
  if (e != GoNumError::kNone) return e;
  constexpr uint64_t kCutoff = uint64_t{1} << 63;
  if (magnitude > (negative ? kCutoff : kCutoff - 1)) return GoNumError::kRange;
  if (negative) {
    *value = magnitude == kCutoff ? INT64_MIN : -static_cast<int64_t>(magnitude);
  } else {
    *value = static_cast<int64_t>(magnitude);
  }
  return GoNumError::kNone;
}

}  // namespace caxtool::util
