// SPDX-License-Identifier: Apache-2.0
// The series notation of Prometheus's promql test files, parsed by hand: labels as in a
// selector with only `=`, then values where `a+bxN` expands to N+1 values, `_xN` to N gaps.
#include "series_notation.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace caxtool::promql::evaltest {
namespace {

void skip_space(std::string_view s, size_t& i) {
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
}

bool is_name_char(char c, bool first) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_' || c == ':' ||
         (!first && std::isdigit(static_cast<unsigned char>(c)));
}

std::optional<std::string> parse_quoted(std::string_view s, size_t& i) {
  char q = s[i++];
  std::string out;
  while (i < s.size() && s[i] != q) {
    char c = s[i++];
    if (c == '\\' && q != '`' && i < s.size()) {
      char e = s[i++];
      switch (e) {
        case 'n':
          out.push_back('\n');
          break;
        case 't':
          out.push_back('\t');
          break;
        default:
          out.push_back(e);
      }
      continue;
    }
    out.push_back(c);
  }
  if (i >= s.size()) return std::nullopt;
  ++i;
  return out;
}

// A number of the notation: Go float syntax plus Inf/NaN spellings; hexadecimal only where a
// whole line is a number (`3+0x10` is 3, 3, ... in the notation).
std::optional<double> parse_float_prefix(std::string_view s, size_t& i, bool hex = false) {
  size_t start = i;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  auto word = [&](std::string_view w) {
    if (s.size() - i >= w.size()) {
      std::string lower(s.substr(i, w.size()));
      std::transform(lower.begin(), lower.end(), lower.begin(),
                     [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      if (lower == w) {
        i += w.size();
        return true;
      }
    }
    return false;
  };
  bool neg = s[start] == '-';
  if (word("inf"))
    return neg ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  if (word("nan")) return std::numeric_limits<double>::quiet_NaN();
  if (hex && i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
    size_t j = i + 2;
    while (j < s.size() && std::isxdigit(static_cast<unsigned char>(s[j]))) ++j;
    double v =
        static_cast<double>(std::strtoll(std::string(s.substr(i, j - i)).c_str(), nullptr, 16));
    i = j;
    return neg ? -v : v;
  }
  size_t j = i;
  while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
  if (j == i) return std::nullopt;
  if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
    size_t k = j + 1;
    if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
    if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
      while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
      j = k;
    }
  }
  double v = std::strtod(std::string(s.substr(start, j - start)).c_str(), nullptr);
  i = j;
  return v;
}

bool parse_value_token(std::string_view tok, std::vector<SeqValue>& out) {
  if (tok == "_") {
    out.push_back({0, true});
    return true;
  }
  if (tok == "stale") {
    out.push_back({eval::stale_nan(), false});
    return true;
  }
  if (tok.substr(0, 2) == "_x") {
    long n = std::strtol(std::string(tok.substr(2)).c_str(), nullptr, 10);
    for (long k = 0; k < n; ++k) out.push_back({0, true});
    return true;
  }
  size_t i = 0;
  auto a = parse_float_prefix(tok, i);
  if (!a) return false;
  if (i == tok.size()) {
    out.push_back({*a, false});
    return true;
  }
  double delta = 0;
  if (tok[i] == '+' || tok[i] == '-') {
    auto d = parse_float_prefix(tok, i);
    if (!d) return false;
    delta = *d;
  }
  if (i >= tok.size() || tok[i] != 'x') return false;
  ++i;
  char* end = nullptr;
  std::string rest(tok.substr(i));
  long n = std::strtol(rest.c_str(), &end, 10);
  if (rest.empty() || *end != '\0') return false;
  double cur = *a;
  out.push_back({cur, false});
  for (long k = 0; k < n; ++k) {
    cur += delta;
    out.push_back({cur, false});
  }
  return true;
}

}  // namespace

std::optional<SeriesLine> parse_series_line(std::string_view s, std::string& error) {
  SeriesLine line;
  size_t i = 0;
  skip_space(s, i);
  size_t name_start = i;
  while (i < s.size() && is_name_char(s[i], i == name_start)) ++i;
  if (i > name_start)
    line.labels.emplace_back("__name__", std::string(s.substr(name_start, i - name_start)));
  if (i < s.size() && s[i] == '{') {
    ++i;
    for (;;) {
      skip_space(s, i);
      if (i < s.size() && s[i] == '}') {
        ++i;
        break;
      }
      std::string name;
      if (i < s.size() && (s[i] == '"' || s[i] == '\'')) {
        auto q = parse_quoted(s, i);
        if (!q) return error = "bad label name", std::nullopt;
        name = *q;
      } else {
        size_t b = i;
        while (i < s.size() && is_name_char(s[i], i == b)) ++i;
        name = std::string(s.substr(b, i - b));
      }
      skip_space(s, i);
      if (i < s.size() && (s[i] == ',' || s[i] == '}')) {
        // A bare quoted name: the metric name.
        line.labels.emplace_back("__name__", name);
        if (s[i] == ',') ++i;
        continue;
      }
      if (i >= s.size() || s[i] != '=') return error = "expected = in labels", std::nullopt;
      ++i;
      skip_space(s, i);
      if (i >= s.size() || (s[i] != '"' && s[i] != '\'' && s[i] != '`'))
        return error = "expected a quoted label value", std::nullopt;
      auto v = parse_quoted(s, i);
      if (!v) return error = "unterminated label value", std::nullopt;
      line.labels.emplace_back(name, *v);
      skip_space(s, i);
      if (i < s.size() && s[i] == ',') ++i;
    }
  }
  std::sort(line.labels.begin(), line.labels.end());
  while (true) {
    skip_space(s, i);
    if (i >= s.size()) break;
    size_t b = i;
    if (s[i] == '{') return error = "native histogram notation", std::nullopt;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (!parse_value_token(s.substr(b, i - b), line.values))
      return error = "bad value " + std::string(s.substr(b, i - b)), std::nullopt;
  }
  return line;
}

std::optional<int64_t> parse_duration_ms(std::string_view s) {
  if (s == "0") return 0;
  int64_t total = 0;
  size_t i = 0;
  if (s.empty()) return std::nullopt;
  while (i < s.size()) {
    size_t b = i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    if (i == b) return std::nullopt;
    int64_t n = std::stoll(std::string(s.substr(b, i - b)));
    size_t u = i;
    while (i < s.size() && std::isalpha(static_cast<unsigned char>(s[i]))) ++i;
    std::string_view unit = s.substr(u, i - u);
    int64_t mult;
    if (unit == "ms")
      mult = 1;
    else if (unit == "s")
      mult = 1000;
    else if (unit == "m")
      mult = 60000;
    else if (unit == "h")
      mult = 3600000;
    else if (unit == "d")
      mult = 86400000;
    else if (unit == "w")
      mult = 7 * 86400000LL;
    else if (unit == "y")
      mult = 365 * 86400000LL;
    else
      return std::nullopt;
    total += n * mult;
  }
  return total;
}

std::optional<double> parse_number(std::string_view s) {
  if (s.empty()) return std::nullopt;
  size_t i = 0;
  auto v = parse_float_prefix(s, i, true);
  if (!v || i != s.size()) return std::nullopt;
  return v;
}

}  // namespace caxtool::promql::evaltest
