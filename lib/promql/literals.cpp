// SPDX-License-Identifier: Apache-2.0
// Go's number, duration and string conventions, as PromQL's parser inherits them.
#include "promql/literals.h"

#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "util/go_strconv.h"
#include "util/utf8.h"

namespace caxtool::promql::detail {

namespace {

char lower(char c) { return static_cast<char>(c | 0x20); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// strconv.ParseInt(s, 0, 64); nullopt on a syntax or range error.
std::optional<int64_t> go_parse_int(std::string_view s) {
  int64_t n = 0;
  if (util::go_parse_int(s, &n) != util::GoNumError::kNone) return std::nullopt;
  return n;
}

bool equal_fold(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

// strconv.ParseFloat(s, 64). `range_error` is set when the value overflows.
std::optional<double> go_parse_float(std::string_view s, bool* range_error) {
  *range_error = false;
  std::string_view body = s;
  bool negative = false;
  if (!body.empty() && (body[0] == '+' || body[0] == '-')) {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (equal_fold(body, "inf") || equal_fold(body, "infinity"))
    return negative ? -HUGE_VAL : HUGE_VAL;
  if (equal_fold(s, "nan")) return std::nan("");
  // Hexadecimal mantissas need a 'p' exponent, which no PromQL token carries.
  if (body.size() >= 2 && body[0] == '0' && lower(body[1]) == 'x') return std::nullopt;
  size_t i = 0;
  bool digits = false, underscores = false;
  auto take_digits = [&] {
    for (; i < body.size() && (is_digit(body[i]) || body[i] == '_'); ++i) {
      if (body[i] == '_')
        underscores = true;
      else
        digits = true;
    }
  };
  take_digits();
  if (i < body.size() && body[i] == '.') {
    ++i;
    take_digits();
  }
  if (!digits) return std::nullopt;
  if (i < body.size() && lower(body[i]) == 'e') {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    if (i >= body.size() || !is_digit(body[i])) return std::nullopt;
    take_digits();
  }
  if (i != body.size()) return std::nullopt;
  if (underscores && !util::go_underscore_ok(s)) return std::nullopt;
  std::string clean;
  clean.reserve(s.size());
  for (char c : s)
    if (c != '_') clean.push_back(c);
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(clean.c_str(), &end);
  if (errno == ERANGE && std::isinf(v)) {
    *range_error = true;
    return std::nullopt;
  }
  return v;
}

void append_hex(std::string& out, const char* prefix, uint32_t v, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s%0*x", prefix, width, v);
  out += buf;
}

// An approximation of Go's unicode.IsPrint for non-ASCII runes: letters, marks, numbers,
// punctuation and symbols print; controls, format characters, separators other than the ASCII
// space, private use and non-characters do not.
bool is_print(char32_t r) {
  if (r < 0x80) return r >= 0x20 && r < 0x7f;
  if (r < 0xa0 || r == 0xa0 || r == 0xad) return false;
  if (r == 0x1680 || (r >= 0x2000 && r <= 0x200f) || (r >= 0x2028 && r <= 0x202f)) return false;
  if ((r >= 0x205f && r <= 0x206f) || r == 0x3000 || r == 0xfeff) return false;
  if ((r >= 0xd800 && r <= 0xf8ff) || (r >= 0xfff0 && r <= 0xfffb)) return false;
  if (r == 0xfffe || r == 0xffff || r >= 0xe0000) return false;
  return true;
}

// Appends rune `r` the way strconv.Quote/QuoteRune escape it inside `quote`.
void append_escaped(std::string& out, char32_t r, char quote) {
  if (r == static_cast<char32_t>(quote) || r == '\\') {
    out.push_back('\\');
    out.push_back(static_cast<char>(r));
    return;
  }
  if (is_print(r)) {
    util::append_utf8(out, static_cast<uint32_t>(r));
    return;
  }
  switch (r) {
    case '\a':
      out += "\\a";
      return;
    case '\b':
      out += "\\b";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\v':
      out += "\\v";
      return;
    default:
      break;
  }
  if (r < ' ' || r == 0x7f)
    append_hex(out, "\\x", r, 2);
  else if (r < 0x10000)
    append_hex(out, "\\u", r, 4);
  else
    append_hex(out, "\\U", r, 8);
}

int hex_value(char c) {
  if (is_digit(c)) return c - '0';
  if (lower(c) >= 'a' && lower(c) <= 'f') return lower(c) - 'a' + 10;
  return 16;
}

}  // namespace

char32_t decode_rune(std::string_view s, size_t i, size_t* width) {
  auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  size_t n = s.size() - i;
  *width = 1;
  unsigned char c0 = b(0);
  if (c0 < 0x80) return c0;
  auto cont = [&](size_t k) { return k < n && (b(k) & 0xc0) == 0x80; };
  if (c0 >= 0xc2 && c0 <= 0xdf && cont(1)) {
    *width = 2;
    return (char32_t{c0} & 0x1f) << 6 | (b(1) & 0x3f);
  }
  if (c0 >= 0xe0 && c0 <= 0xef && cont(1) && cont(2)) {
    char32_t r = (char32_t{c0} & 0x0f) << 12 | (char32_t{b(1)} & 0x3f) << 6 | (b(2) & 0x3f);
    if (r < 0x800 || (r >= 0xd800 && r <= 0xdfff)) return 0xfffd;
    *width = 3;
    return r;
  }
  if (c0 >= 0xf0 && c0 <= 0xf4 && cont(1) && cont(2) && cont(3)) {
    char32_t r = (char32_t{c0} & 0x07) << 18 | (char32_t{b(1)} & 0x3f) << 12 |
                 (char32_t{b(2)} & 0x3f) << 6 | (b(3) & 0x3f);
    if (r < 0x10000 || r > 0x10ffff) return 0xfffd;
    *width = 4;
    return r;
  }
  return 0xfffd;
}

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    size_t w;
    if (decode_rune(s, i, &w) == 0xfffd && w == 1) return false;
    i += w;
  }
  return true;
}

bool is_legacy_label_name(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool alpha = c == '_' || (lower(c) >= 'a' && lower(c) <= 'z');
    if (!alpha && !(i > 0 && is_digit(c))) return false;
  }
  return true;
}

std::optional<double> parse_number(std::string_view s, std::string* error) {
  if (auto n = go_parse_int(s)) return static_cast<double>(*n);
  bool range_error = false;
  if (auto f = go_parse_float(s, &range_error)) return f;
  if (error) {
    *error = "strconv.ParseFloat: parsing " + go_quote(s) + ": " +
             (range_error ? "value out of range" : "invalid syntax");
  }
  return std::nullopt;
}

std::optional<int64_t> parse_duration(std::string_view s, bool unknown_unit_message,
                                      std::string* error) {
  auto fail = [&](std::string message) -> std::optional<int64_t> {
    if (error) *error = std::move(message);
    return std::nullopt;
  };
  auto invalid = [&] { return fail("not a valid duration string: " + go_quote(s)); };
  if (s == "0") return 0;
  if (s.empty()) return fail("empty duration string");
  struct Unit {
    std::string_view name;
    int position;
    uint64_t nanos;
  };
  static constexpr uint64_t kMs = 1'000'000;
  static constexpr Unit kUnits[] = {
      {"y", 1, kMs * 1000 * 60 * 60 * 24 * 365},
      {"w", 2, kMs * 1000 * 60 * 60 * 24 * 7},
      {"d", 3, kMs * 1000 * 60 * 60 * 24},
      {"h", 4, kMs * 1000 * 60 * 60},
      {"m", 5, kMs * 1000 * 60},
      {"s", 6, kMs * 1000},
      {"ms", 7, kMs},
  };
  uint64_t total = 0;
  int last_position = 0;
  std::string_view rest = s;
  while (!rest.empty()) {
    if (!is_digit(rest[0])) return invalid();
    size_t i = 0;
    uint64_t v = 0;
    bool overflow = false;
    for (; i < rest.size() && is_digit(rest[i]); ++i) {
      auto d = static_cast<uint64_t>(rest[i] - '0');
      if (v > (std::numeric_limits<uint64_t>::max() - d) / 10)
        overflow = true;
      else
        v = v * 10 + d;
    }
    if (overflow) return invalid();
    rest.remove_prefix(i);
    size_t j = 0;
    while (j < rest.size() && !is_digit(rest[j])) ++j;
    if (j == 0) return invalid();
    std::string_view unit_name = rest.substr(0, j);
    rest.remove_prefix(j);
    const Unit* unit = nullptr;
    for (const auto& u : kUnits)
      if (u.name == unit_name) unit = &u;
    if (!unit) {
      if (!unknown_unit_message) return invalid();
      return fail("unknown unit " + go_quote(unit_name) + " in duration " + go_quote(s));
    }
    if (unit->position <= last_position) return invalid();
    last_position = unit->position;
    if (v > (uint64_t{1} << 63) / unit->nanos) return fail("duration out of range");
    total += v * unit->nanos;
    if (total > static_cast<uint64_t>(std::numeric_limits<int64_t>::max()))
      return fail("duration out of range");
  }
  return static_cast<int64_t>(total);
}

std::string format_duration(int64_t nanoseconds) {
  int64_t ms = nanoseconds / 1'000'000;
  if (ms == 0) return "0s";
  std::string out;
  auto unit = [&](const char* name, int64_t mult, bool exact) {
    if (exact && ms % mult != 0) return;
    if (int64_t v = ms / mult; v > 0) {
      out += std::to_string(v);
      out += name;
      ms -= v * mult;
    }
  };
  unit("y", int64_t{1000} * 60 * 60 * 24 * 365, true);
  unit("w", int64_t{1000} * 60 * 60 * 24 * 7, true);
  unit("d", int64_t{1000} * 60 * 60 * 24, false);
  unit("h", int64_t{1000} * 60 * 60, false);
  unit("m", int64_t{1000} * 60, false);
  unit("s", 1000, false);
  unit("ms", 1, false);
  return out;
}

std::string format_float(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[400];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  if (ec != std::errc()) return std::to_string(v);
  return std::string(buf, ptr);
}

std::string unquote(std::string_view token) {
  if (token.size() < 2) return {};
  char quote = token.front();
  std::string_view body = token.substr(1, token.size() - 2);
  if (quote == '`') return std::string(body);
  std::string out;
  out.reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c != '\\' || i + 1 >= body.size()) {
      out.push_back(c);
      continue;
    }
    char e = body[++i];
    switch (e) {
      case 'a':
        out.push_back('\a');
        break;
      case 'b':
        out.push_back('\b');
        break;
      case 'f':
        out.push_back('\f');
        break;
      case 'n':
        out.push_back('\n');
        break;
      case 'r':
        out.push_back('\r');
        break;
      case 't':
        out.push_back('\t');
        break;
      case 'v':
        out.push_back('\v');
        break;
      case 'x':
      case 'u':
      case 'U': {
        size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        uint32_t v = 0;
        for (size_t k = 0; k < n && i + 1 < body.size(); ++k)
          v = v * 16 + static_cast<uint32_t>(hex_value(body[++i]));
        if (e == 'x')
          out.push_back(static_cast<char>(v));
        else
          util::append_utf8(out, static_cast<uint32_t>(v));
        break;
      }
      default:
        if (e >= '0' && e <= '7') {
          uint32_t v = static_cast<uint32_t>(e - '0');
          for (int k = 0; k < 2 && i + 1 < body.size(); ++k)
            v = v * 8 + static_cast<uint32_t>(body[++i] - '0');
          out.push_back(static_cast<char>(v));
        } else {
          out.push_back(e);  // \\ and the quote itself
        }
    }
  }
  return out;
}

std::string go_quote(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('"');
  for (size_t i = 0; i < s.size();) {
    size_t w;
    char32_t r = decode_rune(s, i, &w);
    if (r == 0xfffd && w == 1) {
      append_hex(out, "\\x", static_cast<unsigned char>(s[i]), 2);
    } else {
      append_escaped(out, r, '"');
    }
    i += w;
  }
  out.push_back('"');
  return out;
}

std::string go_quote_rune(char32_t r) {
  std::string out = "'";
  append_escaped(out, r, '\'');
  out.push_back('\'');
  return out;
}

std::string go_unicode_rune(char32_t r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(r));
  std::string out = buf;
  if (is_print(r)) {
    out += " '";
    util::append_utf8(out, static_cast<uint32_t>(r));
    out += "'";
  }
  return out;
}

}  // namespace caxtool::promql::detail
