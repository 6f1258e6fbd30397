// SPDX-License-Identifier: Apache-2.0
// UTF-8 decoding with Go's rules (RFC 3629: no overlong forms, no surrogates, nothing above
// U+10FFFF) and the character classes the template lexer asks about.
#include "gotemplate/unicode.h"

#include <algorithm>

#include "util/utf8.h"

namespace caxtool::gotemplate {
namespace {

uint32_t byte_at(std::string_view s, size_t i) { return static_cast<unsigned char>(s[i]); }
bool is_continuation(uint32_t b) { return (b & 0xC0) == 0x80; }

}  // namespace

Decoded decode_rune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  uint32_t b0 = byte_at(s, 0);
  if (b0 < 0x80) return {static_cast<Rune>(b0), 1};
  // The second byte's range depends on the first: that is what rules out overlong forms,
  // surrogates (ED A0..BF) and code points above U+10FFFF (F4 90..).
  size_t width = 0;
  uint32_t lo = 0x80;
  uint32_t hi = 0xBF;
  uint32_t value = 0;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    width = 2;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    width = 3;
    value = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;
    if (b0 == 0xED) hi = 0x9F;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    width = 4;
    value = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;
    if (b0 == 0xF4) hi = 0x8F;
  } else {
    return {kRuneError, 1};
  }
  if (s.size() < width) return {kRuneError, 1};
  uint32_t b1 = byte_at(s, 1);
  if (b1 < lo || b1 > hi) return {kRuneError, 1};
  value = (value << 6) | (b1 & 0x3F);
  for (size_t i = 2; i < width; ++i) {
    uint32_t b = byte_at(s, i);
    if (!is_continuation(b)) return {kRuneError, 1};
    value = (value << 6) | (b & 0x3F);
  }
  return {static_cast<Rune>(value), width};
}

Decoded decode_last_rune(std::string_view s) {
  if (s.empty()) return {kRuneError, 0};
  size_t end = s.size();
  uint32_t last = byte_at(s, end - 1);
  if (last < 0x80) return {static_cast<Rune>(last), 1};
  // Look back at most four bytes for the start of a sequence, as Go does.
  size_t limit = end >= 4 ? end - 4 : 0;
  size_t start = end - 1;
  while (start > limit && is_continuation(byte_at(s, start))) --start;
  Decoded d = decode_rune(s.substr(start));
  if (start + d.width != end) return {kRuneError, 1};
  return d;
}

bool is_alphanumeric_beyond_ascii(Rune r) {
  if (r < 0x80) return r >= 0 && is_alphanumeric(r);
  auto u = static_cast<uint32_t>(r);
  const detail::RuneRange* begin = detail::kAlphanumericRanges;
  const detail::RuneRange* end = begin + detail::kAlphanumericRangeCount;
  auto it = std::upper_bound(begin, end, u, [](uint32_t value, const detail::RuneRange& range) {
    return value < range.lo;
  });
  return it != begin && u <= (it - 1)->hi;
}

bool is_unicode_space(Rune r) {
  switch (r) {
    case '\t':
    case '\n':
    case '\v':
    case '\f':
    case '\r':
    case ' ':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
      return true;
    default:
      return r >= 0x2000 && r <= 0x200A;
  }
}

bool is_blank(std::string_view s) {
  while (!s.empty()) {
    Decoded d = decode_rune(s);
    if (!is_unicode_space(d.rune)) return false;
    s.remove_prefix(d.width);
  }
  return true;
}

void append_utf8(std::string* out, uint32_t cp) { util::append_utf8(*out, cp); }

}  // namespace caxtool::gotemplate
