// SPDX-License-Identifier: Apache-2.0
// Character classes of both formats as lookup tables: the scanner's inner loops test one byte
// against a table instead of a chain of comparisons, which is most of the parser's speed.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace caxtool::exposition::detail {

enum : uint8_t { kNameStart = 1, kNameCont = 2, kLabelStart = 4, kLabelCont = 8 };

constexpr std::array<uint8_t, 256> make_classes() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    bool digit = c >= '0' && c <= '9';
    uint8_t v = 0;
    if (alpha || c == ':') v |= kNameStart | kNameCont;
    if (digit) v |= kNameCont | kLabelCont;
    if (alpha) v |= kLabelStart | kLabelCont;
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

bool valid_utf8(std::string_view s);
// Code points in valid UTF-8.
size_t count_code_points(std::string_view s);
// For messages: the token quoted as Go's %q would, shortened when long.
std::string quote(std::string_view s);

}  // namespace caxtool::exposition::detail
