// SPDX-License-Identifier: Apache-2.0
// Scalars for the fast reader. A scalar without escapes is one
// slice of the text; block scalars follow libyaml's scan_block_scalar step by step (its folding
// and chomping rules are where readers differ), so the value is libyaml's to the byte.
#include <cstring>

#include "yaml/fast_reader.h"

namespace caxtool::yaml::detail {
namespace {

void scalar(Node& n, Style style) {
  n.kind = Kind::kScalar;
  n.style = style;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

bool FastReader::indicator(char c) { return std::strchr("-?:,[]{}#&*!|>'\"%@`", c) != nullptr; }

// Whether a plain scalar may start at `i` in block context (libyaml's fetch_next_token test).
bool FastReader::plain_start(size_t i) const {
  if (eol(i)) return false;
  char c = s_[i];
  if (!indicator(c)) return true;
  return (c == '-' || c == '?' || c == ':') && !blank_or_eol(i + 1);
}

// An implicit key, plain or quoted, and its ':'.
bool FastReader::key(Node& k) {
  size_t b = p_;
  if (s_[b] == '\'' || s_[b] == '"') {
    if (!quoted(k)) return fail();
    skip_spaces();
    if (at(p_) != ':' || !blank_or_eol(p_ + 1) || p_ - b > kMaxKeyLength) return fail();
    ++p_;
    return true;
  }
  if (!plain_start(b)) return fail();
  size_t colon = key_colon(b);
  if (colon == std::string_view::npos || colon - b > kMaxKeyLength) return fail();
  size_t end = colon;
  while (end > b && s_[end - 1] == ' ') --end;
  scalar(k, Style::kPlain);
  k.start = mark(b);
  k.end = mark(end);
  k.value.assign(s_.data() + b, end - b);
  p_ = colon + 1;
  return true;
}

// A one-line plain value in block context, up to a comment or the end of the line.
bool FastReader::plain_value(Node& n) {
  size_t b = p_;
  if (!plain_start(b)) return fail();
  size_t e = line_end(b), stop = e;
  const char* base = s_.data();
  for (const void* h = std::memchr(base + b, '#', e - b); h != nullptr;) {
    size_t pos = static_cast<size_t>(static_cast<const char*>(h) - base);
    if (base[pos - 1] == ' ') {
      stop = pos;
      break;
    }
    h = std::memchr(base + pos + 1, '#', e - pos - 1);
  }
  for (const void* h = std::memchr(base + b, ':', stop - b); h != nullptr;) {
    size_t pos = static_cast<size_t>(static_cast<const char*>(h) - base);
    if (blank_or_eol(pos + 1)) return fail();  // `a: b: c`
    h = std::memchr(base + pos + 1, ':', stop - pos - 1);
  }
  size_t end = stop;
  while (end > b && s_[end - 1] == ' ') --end;
  scalar(n, Style::kPlain);
  n.start = mark(b);
  n.end = mark(end);
  n.value.assign(base + b, end - b);
  p_ = end;
  return true;
}

bool FastReader::quoted(Node& n) {
  size_t b = p_, e = line_end(b + 1);
  char quote = s_[b];
  const char* base = s_.data();
  scalar(n, quote == '"' ? Style::kDoubleQuoted : Style::kSingleQuoted);
  n.start = mark(b);
  size_t q = b + 1;
  if (quote == '\'') {
    for (;;) {
      const void* h = std::memchr(base + q, '\'', e - q);
      if (h == nullptr) return fail();  // continues on the next line
      size_t pos = static_cast<size_t>(static_cast<const char*>(h) - base);
      n.value.append(base + q, pos - q);
      if (at(pos + 1) != '\'') {
        q = pos + 1;
        break;
      }
      n.value += '\'';
      q = pos + 2;
    }
  } else {
    const void* close = std::memchr(base + q, '"', e - q);
    if (close == nullptr) return fail();  // continues on the next line
    size_t i = static_cast<size_t>(static_cast<const char*>(close) - base);
    const void* escape = std::memchr(base + q, '\\', i - q);
    if (escape == nullptr) {
      n.value.assign(base + q, i - q);
      q = i + 1;
    } else {
      i = static_cast<size_t>(static_cast<const char*>(escape) - base);
      n.value.assign(base + q, i - q);
      if (!double_quoted_slow(i, e, n.value)) return fail();
      q = p_;
    }
  }
  p_ = q;
  n.end = mark(q);
  return true;
}

// From the first backslash to the closing quote; leaves p_ after the quote.
bool FastReader::double_quoted_slow(size_t i, size_t e, std::string& out) {
  while (i < e) {
    size_t run = i;
    while (run < e && s_[run] != '"' && s_[run] != '\\') ++run;
    out.append(s_.data() + i, run - i);
    i = run;
    if (i >= e) break;
    if (s_[i] == '"') {
      p_ = i + 1;
      return true;
    }
    if (i + 1 >= e) return fail();  // an escaped line break: a multi-line scalar
    char x = s_[i + 1];
    i += 2;
    size_t digits = 0;
    switch (x) {
      // clang-format off
      case '0': out += '\0'; break;
      case 'a': out += '\x07'; break;
      case 'b': out += '\x08'; break;
      case 't': out += '\x09'; break;
      case 'n': out += '\x0A'; break;
      case 'v': out += '\x0B'; break;
      case 'f': out += '\x0C'; break;
      case 'r': out += '\x0D'; break;
      case 'e': out += '\x1B'; break;
      case ' ': out += ' '; break;
      case '"': out += '"'; break;
      case '/': out += '/'; break;
      case '\\': out += '\\'; break;
      case 'N': append_utf8(out, 0x85); break;
      case '_': append_utf8(out, 0xA0); break;
      case 'L': append_utf8(out, 0x2028); break;
      case 'P': append_utf8(out, 0x2029); break;
      case 'x': digits = 2; break;
      case 'u': digits = 4; break;
      case 'U': digits = 8; break;
      default: return fail();  // libyaml: unknown escape
        // clang-format on
    }
    if (digits == 0) continue;
    if (i + digits > e) return fail();
    uint32_t cp = 0;
    for (size_t k = 0; k < digits; ++k) {
      int h = hex_value(s_[i + k]);
      if (h < 0) return fail();
      cp = (cp << 4) | static_cast<uint32_t>(h);
    }
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return fail();
    append_utf8(out, cp);
    i += digits;
  }
  return fail();
}

}  // namespace caxtool::yaml::detail
