// SPDX-License-Identifier: Apache-2.0
// Go's strconv and fmt number syntax, as far as the template parser asks about it: whether a
// literal parses, not its value (except to see whether a float overflows to infinity).
#include "gotemplate/literals.h"

#include <locale.h>

#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>

#include "gotemplate/unicode.h"
#include "util/go_strconv.h"

namespace caxtool::gotemplate {
namespace {

using NumError = util::GoNumError;

char lower(char c) { return static_cast<char>(c | ('x' - 'X')); }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// strconv's readFloat: whether s (all of it) is float syntax; sets hex for 0x forms.
bool read_float(std::string_view s, bool* hex) {
  size_t i = 0;
  bool underscores = false;
  *hex = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  bool base16 = false;
  if (i + 2 < s.size() && s[i] == '0' && lower(s[i + 1]) == 'x') {
    base16 = true;
    *hex = true;
    i += 2;
  }
  bool saw_dot = false;
  bool saw_digits = false;
  for (; i < s.size(); ++i) {
    char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (saw_dot) break;
      saw_dot = true;
    } else if (is_digit(c) || (base16 && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw_digits = true;
    } else {
      break;
    }
  }
  if (!saw_digits) return false;
  char exp_char = base16 ? 'p' : 'e';
  if (i < s.size() && lower(s[i]) == exp_char) {
    ++i;
    if (i >= s.size()) return false;
    if (s[i] == '+' || s[i] == '-') ++i;
    if (i >= s.size() || !is_digit(s[i])) return false;
    while (i < s.size() && (is_digit(s[i]) || s[i] == '_')) {
      if (s[i] == '_') underscores = true;
      ++i;
    }
  } else if (base16) {
    return false;  // a hex mantissa needs a 'p' exponent
  }
  if (underscores && !util::go_underscore_ok(s.substr(0, i))) return false;
  return i == s.size();
}

// strconv.ParseFloat(s, 64): syntax, then whether the value overflows (underflow is fine).
NumError parse_float(std::string_view s) {
  // Go also takes "inf" and "nan" here; the lexer never produces them as numbers.
  bool hex = false;
  if (!read_float(s, &hex)) return NumError::kSyntax;
  std::string clean;
  for (char c : s) {
    if (c != '_') clean += c;
  }
  // strtod in the C locale, whatever locale the program runs in: the decimal point is '.'.
  static locale_t c_locale = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  double value = strtod_l(clean.c_str(), nullptr, c_locale);
  return std::isinf(value) ? NumError::kRange : NumError::kNone;
}

// strconv.Atoi: an optional sign, then decimal digits only, within int64.
bool atoi_ok(std::string_view s) {
  bool negative = false;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  uint64_t limit = negative ? (uint64_t{1} << 63) : (uint64_t{1} << 63) - 1;
  uint64_t n = 0;
  for (char c : s) {
    if (!is_digit(c)) return false;
    auto d = static_cast<uint64_t>(c - '0');
    if (n > (limit - d) / 10) return false;
    n = n * 10 + d;
  }
  return true;
}

// fmt's convertFloat: ParseFloat, except that "1.5p3" (a 'p' exponent without "0x") is taken
// as 1.5 * 2^3.
bool convert_float(std::string_view s) {
  size_t p = s.find('p');
  if (p != std::string_view::npos && s.find_first_of("xX") == std::string_view::npos) {
    return parse_float(s.substr(0, p)) == NumError::kNone && atoi_ok(s.substr(p + 1));
  }
  return parse_float(s) == NumError::kNone;
}

// fmt.Sscan into a complex128, as the parser reads "1+2i".
bool scan_complex(std::string_view s) {
  size_t i = 0;
  auto accept = [&](std::string_view set) {
    if (i < s.size() && set.find(s[i]) != std::string_view::npos) {
      ++i;
      return true;
    }
    return false;
  };
  auto float_token = [&]() {
    size_t start = i;
    if (accept("nN") && accept("aA") && accept("nN")) return s.substr(start, i - start);
    accept("+-");
    if (accept("iI") && accept("nN") && accept("fF")) return s.substr(start, i - start);
    std::string_view digits = "0123456789_";
    std::string_view exponent = "eEpP";
    if (accept("0") && accept("xX")) {
      digits = "0123456789aAbBcCdDeEfF_";
      exponent = "pP";
    }
    while (accept(digits)) {
    }
    if (accept(".")) {
      while (accept(digits)) {
      }
    }
    if (accept(exponent)) {
      accept("+-");
      while (accept("0123456789_")) {
      }
    }
    return s.substr(start, i - start);
  };
  if (s.empty()) return false;
  bool parens = accept("(");
  std::string_view real = float_token();
  size_t sign_at = i;
  if (!accept("+-")) return false;
  std::string_view imag = float_token();
  if (!accept("i")) return false;
  if (parens && !accept(")")) return false;
  std::string signed_imag = std::string(s.substr(sign_at, 1)) + std::string(imag);
  return convert_float(real) && convert_float(signed_imag);
}

// strconv.UnquoteChar: reads one (possibly escaped) character of a quoted literal; returns the
// bytes it used, or 0 on a syntax error.
size_t unquote_char(std::string_view s, char quote, std::string* out) {
  if (s.empty()) return 0;
  char c = s[0];
  if (c == quote) return 0;
  if (static_cast<unsigned char>(c) >= 0x80) {
    // Go decodes one rune and keeps it; an invalid byte becomes U+FFFD, not an error.
    Decoded d = decode_rune(s);
    if (out != nullptr) append_utf8(out, static_cast<uint32_t>(d.rune));
    return d.width;
  }
  if (c != '\\') {
    if (out != nullptr) *out += c;
    return 1;
  }
  if (s.size() < 2) return 0;
  char e = s[1];
  auto simple = [&](char value) {
    if (out != nullptr) *out += value;
    return size_t{2};
  };
  switch (e) {
    case 'a':
      return simple('\a');
    case 'b':
      return simple('\b');
    case 'f':
      return simple('\f');
    case 'n':
      return simple('\n');
    case 'r':
      return simple('\r');
    case 't':
      return simple('\t');
    case 'v':
      return simple('\v');
    case '\\':
      return simple('\\');
    case '\'':
    case '"':
      if (e != quote) return 0;  // "\'" is not an escape in a "..." string, nor '\"'
      return simple(e);
    case 'x':
    case 'u':
    case 'U': {
      size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
      if (s.size() < 2 + n) return 0;
      uint32_t v = 0;
      for (size_t j = 0; j < n; ++j) {
        char h = s[2 + j];
        uint32_t x = 0;
        if (is_digit(h)) {
          x = static_cast<uint32_t>(h - '0');
        } else if (lower(h) >= 'a' && lower(h) <= 'f') {
          x = static_cast<uint32_t>(lower(h) - 'a') + 10;
        } else {
          return 0;
        }
        v = (v << 4) | x;
      }
      if (e != 'x' && (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))) return 0;
      if (out != nullptr) {
        if (e == 'x') {
          *out += static_cast<char>(v);
        } else {
          append_utf8(out, v);
        }
      }
      return 2 + n;
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      if (s.size() < 4) return 0;
      uint32_t v = static_cast<uint32_t>(e - '0');
      for (size_t j = 2; j < 4; ++j) {
        if (s[j] < '0' || s[j] > '7') return 0;
        v = (v << 3) | static_cast<uint32_t>(s[j] - '0');
      }
      if (v > 255) return 0;
      if (out != nullptr) *out += static_cast<char>(v);
      return 4;
    }
    default:
      return 0;
  }
}

}  // namespace

std::optional<std::string> check_number(std::string_view text, TokenType type) {
  std::string shown = quoted(text);
  if (type == TokenType::kCharConstant) {
    std::string_view body = text.substr(1);
    size_t used = unquote_char(body, '\'', nullptr);
    if (used == 0) return "invalid character constant " + escaped(text);
    if (body.substr(used) != "'") {
      return "malformed character constant " + escaped(text) + ": one character only";
    }
    return std::nullopt;
  }
  if (type == TokenType::kComplex) {
    if (scan_complex(text)) return std::nullopt;
    return "invalid complex number " + shown;
  }
  if (!text.empty() && text.back() == 'i' &&
      parse_float(text.substr(0, text.size() - 1)) == NumError::kNone) {
    return std::nullopt;  // imaginary
  }
  uint64_t unused = 0;
  int64_t unused_int = 0;
  if (util::go_parse_uint(text, &unused) == NumError::kNone ||
      util::go_parse_int(text, &unused_int) == NumError::kNone) {
    return std::nullopt;
  }
  if (parse_float(text) == NumError::kNone) {
    if (text.find_first_of(".eEpP") != std::string_view::npos) return std::nullopt;
    // An integer ParseInt refused but ParseFloat took: too big, or "089" (octal with an 8).
    std::string_view digits = text;
    if (!digits.empty() && (digits[0] == '+' || digits[0] == '-')) digits.remove_prefix(1);
    if (digits.size() > 1 && digits[0] == '0' &&
        digits.find_first_of("89") != std::string_view::npos) {
      return "invalid number " + shown + ": a leading 0 makes it octal, which has no 8 or 9";
    }
    return "integer overflow: " + shown + " does not fit in 64 bits";
  }
  return "illegal number syntax: " + shown;
}

std::optional<std::string> unquote(std::string_view text) {
  if (text.size() < 2) return std::nullopt;
  std::string out;
  if (text[0] == '`') {
    if (text.back() != '`') return std::nullopt;
    for (char c : text.substr(1, text.size() - 2)) {
      if (c == '`') return std::nullopt;
      if (c != '\r') out += c;  // Go drops carriage returns from raw strings
    }
    return out;
  }
  if (text[0] != '"') return std::nullopt;
  std::string_view rest = text.substr(1);
  while (!rest.empty() && rest[0] != '"') {
    if (rest[0] == '\n') return std::nullopt;
    size_t used = unquote_char(rest, '"', &out);
    if (used == 0) return std::nullopt;
    rest.remove_prefix(used);
  }
  if (rest != "\"") return std::nullopt;
  return out;
}

}  // namespace caxtool::gotemplate
