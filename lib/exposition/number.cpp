// SPDX-License-Identifier: Apache-2.0
// Float and integer syntax checks without conversion on the common path: a scrape has millions
// of values and almost none of them can overflow, so strtod runs only on tokens that could.
#include "exposition/number.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

namespace caxtool::exposition {
namespace {

bool ieq(std::string_view s, std::string_view lower) {
  if (s.size() != lower.size()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Decimal syntax; sets `risky` when conversion could overflow (exponent or very long mantissa).
bool decimal_syntax(std::string_view s, bool& risky) {
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) return false;
  size_t digits = 0;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  risky = digits > 300;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || !is_digit(s[i])) return false;
    while (i < s.size() && is_digit(s[i])) ++i;
    risky = true;
  }
  return i == s.size();
}

double slow_convert(std::string_view s) {
  std::string copy(s);
  return std::strtod(copy.c_str(), nullptr);
}

bool is_special(std::string_view s) {
  std::string_view body = s;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) body.remove_prefix(1);
  if (ieq(body, "inf") || ieq(body, "infinity")) return true;
  return body.size() == s.size() && ieq(s, "nan");  // Go takes no sign on NaN
}

// Eight ASCII digits in a little-endian word: each byte's high nibble is 3 and adding 6 keeps it.
bool eight_digits(uint64_t w) {
  return (w & 0xF0F0F0F0F0F0F0F0ULL) == 0x3030303030303030ULL &&
         ((w + 0x0606060606060606ULL) & 0xF0F0F0F0F0F0F0F0ULL) == 0x3030303030303030ULL;
}

// Their value, first digit most significant: pairs, then quads, then the eight.
uint64_t eight_digits_value(uint64_t w) {
  w -= 0x3030303030303030ULL;
  w = (w * 10 + (w >> 8)) & 0x00FF00FF00FF00FFULL;
  w = (w * 100 + (w >> 16)) & 0x0000FFFF0000FFFFULL;
  return (w * 10000 + (w >> 32)) & 0xFFFFFFFFULL;
}

}  // namespace

// Clinger's fast path: a mantissa of at most 15 digits is exact as a double, so is 10^k for
// k <= 22, and one IEEE division of two exact values is correctly rounded, so the result is
// the one strtod gives. Bucket bounds and most sample values ("0.005", "42", "1.5") take it.
bool fast_decimal(std::string_view s, double& out) {
  static constexpr double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                      1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  if (s.empty() || s.size() > 16) return false;
  const char* p = s.data();
  const char* end = p + s.size();
  uint64_t mantissa = 0;
  // Eight digits at a time while there are eight (counts and timestamps are long integers).
  while (end - p >= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    if (!eight_digits(w)) break;
    mantissa = mantissa * 100000000 + eight_digits_value(w);
    p += 8;
  }
  while (p < end && is_digit(*p)) mantissa = mantissa * 10 + static_cast<uint64_t>(*p++ - '0');
  size_t digits = static_cast<size_t>(p - s.data()), fraction = 0;
  if (p < end && *p == '.') {
    const char* from = ++p;
    while (p < end && is_digit(*p)) mantissa = mantissa * 10 + static_cast<uint64_t>(*p++ - '0');
    fraction = static_cast<size_t>(p - from);
  }
  digits += fraction;
  if (p != end || digits == 0 || digits > 15) return false;
  out = static_cast<double>(mantissa) / kPow10[fraction];
  return true;
}

bool is_valid_float(std::string_view s) {
  double v;
  if (fast_decimal(s, v)) return true;
  bool risky = false;
  if (decimal_syntax(s, risky)) return !risky || std::isfinite(slow_convert(s));
  return is_special(s);
}

double to_float(std::string_view s) {
  double v = 0;
  if (fast_decimal(s, v)) return v;
  std::string_view body = s;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (ieq(body, "inf") || ieq(body, "infinity")) return negative ? -HUGE_VAL : HUGE_VAL;
  if (ieq(body, "nan")) return std::nan("");
  auto r = std::from_chars(body.data(), body.data() + body.size(), v);
  if (r.ec != std::errc()) v = slow_convert(body);
  return negative ? -v : v;
}

bool is_valid_int64(std::string_view s) {
  int64_t v = 0;
  std::string_view body = s;
  bool plus = !body.empty() && body[0] == '+';
  if (plus) body.remove_prefix(1);
  if (body.empty() || body[0] == '+' || (body[0] == '-' && (plus || body.size() == 1)))
    return false;
  auto r = std::from_chars(body.data(), body.data() + body.size(), v);
  return r.ec == std::errc() && r.ptr == body.data() + body.size();
}

bool is_valid_real(std::string_view s) {
  bool risky = false;
  return decimal_syntax(s, risky) && (!risky || std::isfinite(slow_convert(s)));
}

}  // namespace caxtool::exposition
