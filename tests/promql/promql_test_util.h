// SPDX-License-Identifier: Apache-2.0
// Helpers shared by the PromQL unit tests: each renders a parse as one string, so a test is
// one comparison.
#pragma once

#include <string>
#include <string_view>

#include "promql/parser.h"

namespace promql_test {

// A JSON string literal; a lone \udcXX escape stands for byte XX (Python's surrogateescape).
inline std::string json_string(std::string_view s) {
  std::string out;
  size_t i = s.find('"') + 1;
  auto hex4 = [&](size_t at) { return std::stoul(std::string(s.substr(at, 4)), nullptr, 16); };
  auto put = [&](unsigned long r) {
    if (r < 0x80) {
      out += static_cast<char>(r);
    } else if (r < 0x800) {
      out += static_cast<char>(0xc0 | (r >> 6));
      out += static_cast<char>(0x80 | (r & 0x3f));
    } else if (r < 0x10000) {
      out += static_cast<char>(0xe0 | (r >> 12));
      out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (r & 0x3f));
    } else {
      out += static_cast<char>(0xf0 | (r >> 18));
      out += static_cast<char>(0x80 | ((r >> 12) & 0x3f));
      out += static_cast<char>(0x80 | ((r >> 6) & 0x3f));
      out += static_cast<char>(0x80 | (r & 0x3f));
    }
  };
  while (i < s.size() && s[i] != '"') {
    char c = s[i++];
    if (c != '\\') {
      out += c;
      continue;
    }
    char e = s[i++];
    switch (e) {
      case 'n':
        out += '\n';
        break;
      case 't':
        out += '\t';
        break;
      case 'r':
        out += '\r';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'u': {
        unsigned long r = hex4(i);
        i += 4;
        if (r >= 0xd800 && r < 0xdc00 && s.substr(i, 2) == "\\u") {
          unsigned long lo = hex4(i + 2);
          i += 6;
          put(0x10000 + ((r - 0xd800) << 10) + (lo - 0xdc00));
        } else if (r >= 0xdc80 && r <= 0xdcff) {
          out += static_cast<char>(r - 0xdc00);
        } else {
          put(r);
        }
        break;
      }
      default:
        out += e;
    }
  }
  return out;
}

inline caxtool::promql::ParseOptions at(std::string_view version, bool experimental = false) {
  caxtool::promql::ParseOptions o;
  o.version = *caxtool::promql::parse_version(version);
  o.enable_experimental_functions = experimental;
  return o;
}

inline caxtool::promql::ParseOptions all_features() {
  caxtool::promql::ParseOptions o;
  o.enable_experimental_functions = true;
  o.enable_duration_expressions = true;
  o.enable_extended_range_selectors = true;
  o.enable_binop_fill_modifiers = true;
  return o;
}

// The dump of a valid expression, or "error [begin,end): message" for the first error.
inline std::string tree(std::string_view expr, const caxtool::promql::ParseOptions& o = {}) {
  auto r = caxtool::promql::parse(expr, o);
  if (!r.ok()) {
    if (r.errors.empty()) return "error: none reported";
    const auto& e = r.errors.front();
    return "error [" + std::to_string(e.begin) + "," + std::to_string(e.end) + "): " + e.message;
  }
  return caxtool::promql::dump(*r.expr);
}

// The canonical form of a valid expression, or the error as tree() renders it.
inline std::string formatted(std::string_view expr, const caxtool::promql::ParseOptions& o = {}) {
  auto r = caxtool::promql::parse(expr, o);
  if (!r.ok()) return tree(expr, o);
  return caxtool::promql::format(*r.expr);
}

// Prometheus's rendering of the first error ("1:5: parse error: ..."), or "ok".
inline std::string prom_error(std::string_view expr, const caxtool::promql::ParseOptions& o = {}) {
  auto r = caxtool::promql::parse(expr, o);
  if (r.ok()) return "ok";
  return caxtool::promql::prometheus_error_string(expr, r.errors.front());
}

}  // namespace promql_test
