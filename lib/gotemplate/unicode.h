// SPDX-License-Identifier: Apache-2.0
// The few Unicode facts Go's template lexer relies on, answered as Go answers them: UTF-8
// decoding (an invalid byte is U+FFFD of width 1), which characters may form a name, and
// bytes.TrimSpace's idea of white space. Byte-exact agreement matters: a non-breaking space
// pasted into an action is an error in Prometheus and must be one here.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace caxtool::gotemplate {

using Rune = int32_t;
inline constexpr Rune kEof = -1;
inline constexpr Rune kRuneError = 0xFFFD;

struct Decoded {
  Rune rune;
  size_t width;
};

// utf8.DecodeRuneInString: the rune at the front of s; {kRuneError, 1} for an invalid byte.
Decoded decode_rune(std::string_view s);
// utf8.DecodeLastRuneInString: the rune at the end of s.
Decoded decode_last_rune(std::string_view s);

// utf8.EncodeRune appended to out (code points Go would not encode become U+FFFD).
void append_utf8(std::string* out, uint32_t code_point);

// unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_', the lexer's isAlphaNumeric; inline
// for ASCII, which nearly every rune of a template is.
bool is_alphanumeric_beyond_ascii(Rune r);
inline bool is_alphanumeric(Rune r) {
  if (r >= 0 && r < 0x80) {
    return (r >= '0' && r <= '9') || (r >= 'A' && r <= 'Z') || r == '_' || (r >= 'a' && r <= 'z');
  }
  return is_alphanumeric_beyond_ascii(r);
}
// unicode.IsSpace, as bytes.TrimSpace uses it.
bool is_unicode_space(Rune r);
// True when s holds nothing but Unicode white space (bytes.TrimSpace(s) is empty).
bool is_blank(std::string_view s);

namespace detail {
struct RuneRange {
  uint32_t lo;
  uint32_t hi;
};
extern const RuneRange kAlphanumericRanges[];
extern const size_t kAlphanumericRangeCount;
}  // namespace detail

}  // namespace caxtool::gotemplate
