// SPDX-License-Identifier: Apache-2.0
// Character classes of both formats as lookup tables: the scanner's inner loops test one byte
// against a table instead of a chain of comparisons, which is most of the parser's speed.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace caxtool::exposition::detail {

enum : uint8_t {
  kNameStart = 1,
  kNameCont = 2,
  kLabelStart = 4,
  kLabelCont = 8,
  kLower = 16,
  kUpper = 32
};

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    uint8_t v = 0;
    if (alpha || c == ':') v |= kNameStart | kNameCont;
    if (digit) v |= kNameCont | kLabelCont;
    if (alpha) v |= kLabelStart | kLabelCont;
    if (c >= 'a' && c <= 'z') v |= kLower;
    if (c >= 'A' && c <= 'Z') v |= kUpper;
    t[static_cast<size_t>(c)] = v;
  }
  return t;
}
inline constexpr std::array<uint8_t, 256> kClasses = make_classes();

inline bool is(char c, uint8_t cls) { return (kClasses[static_cast<unsigned char>(c)] & cls) != 0; }
inline bool is_blank(char c) { return c == ' ' || c == '\t'; }

// End of a name of class `cont` starting at `i` (which the caller checked for the start class).
inline size_t scan(std::string_view s, size_t i, uint8_t cont) {
  while (i < s.size() && is(s[i], cont)) ++i;
  return i;
}

// A label name's end, as scan(s, i, kLabelCont), also telling whether the name has a lower-case
// letter followed by an upper-case one (the camelCase lint), at no extra pass over the name.
inline size_t scan_label_name(std::string_view s, size_t i, bool& camel_case) {
  size_t start = i;
  unsigned any = 0;
  while (i < s.size()) {
    unsigned k = kClasses[static_cast<unsigned char>(s[i])];
    if ((k & kLabelCont) == 0) break;
    any |= k;
    ++i;
  }
  camel_case = false;
  if ((any & kUpper) != 0) {  // rare: only then look for the lower-upper pair
    for (size_t k = start + 1; k < i; ++k) {
      if (is(s[k - 1], kLower) && is(s[k], kUpper)) camel_case = true;
    }
  }
  return i;
}

// The first '"' or '\\' at or after `i` (or s.size()), eight bytes at a time: label values are
// most of a scrape's bytes. Every byte passed over is ORed into `seen`, so the caller can tell
// whether any had its high bit set (and needs a UTF-8 check).
inline size_t find_quote_or_backslash(std::string_view s, size_t i, uint64_t& seen) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  while (i + 8 <= s.size()) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    uint64_t q = w ^ (kOnes * '"'), b = w ^ (kOnes * '\\');
    // A byte's high bit is set where q (or b) has a zero byte; exact up to the first one.
    uint64_t m = (((q - kOnes) & ~q) | ((b - kOnes) & ~b)) & kHigh;
    if (m == 0) {
      seen |= w;
      i += 8;
      continue;
    }
    unsigned before = static_cast<unsigned>(__builtin_ctzll(m)) / 8;
    if (before > 0) seen |= w & (~0ULL >> (64 - 8 * before));
    return i + before;
  }
  while (i < s.size() && s[i] != '"' && s[i] != '\\') seen |= static_cast<unsigned char>(s[i++]);
  return i;
}

bool valid_utf8(std::string_view s);
// Code points in valid UTF-8.
size_t count_code_points(std::string_view s);
// For messages: the token quoted as Go's %q would, shortened when long.
std::string quote(std::string_view s);

}  // namespace caxtool::exposition::detail
