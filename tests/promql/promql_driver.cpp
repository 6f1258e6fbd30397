// SPDX-License-Identifier: Apache-2.0
// Test-only driver for the PromQL front end, until `caxtool promql` exists: reads one
// JSON-encoded expression per line on stdin and writes one verdict per line:
//   0<TAB>format(expr)          the expression is valid
//   1<TAB>line:col: parse error: message
// Flags: --version X.Y, --experimental, --duration-expr, --all-features, --dump, --bench (parse
// only, print the time). Build by hand (see diff_promtool.py).
#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "promql/parser.h"

using namespace caxtool::promql;

namespace {
void put_utf8(std::string& out, unsigned r) {
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
}

// A JSON string literal, with Python's surrogateescape convention: a lone \udcXX is byte XX,
// so inputs with invalid UTF-8 survive the trip.
std::string json_string(const std::string& line) {
  std::string out;
  size_t i = line.find('"') + 1;
  auto hex4 = [&](size_t at) {
    return static_cast<unsigned>(std::stoul(line.substr(at, 4), nullptr, 16));
  };
  while (i < line.size() && line[i] != '"') {
    char c = line[i++];
    if (c != '\\') {
      out += c;
      continue;
    }
    char e = line[i++];
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
        unsigned r = hex4(i);
        i += 4;
        if (r >= 0xd800 && r < 0xdc00 && line.compare(i, 2, "\\u") == 0) {
          unsigned lo = hex4(i + 2);
          if (lo >= 0xdc00 && lo < 0xe000) {
            i += 6;
            put_utf8(out, 0x10000 + ((r - 0xd800) << 10) + (lo - 0xdc00));
            break;
          }
        }
        if (r >= 0xdc80 && r <= 0xdcff)
          out += static_cast<char>(r - 0xdc00);
        else
          put_utf8(out, r);
        break;
      }
      default:
        out += e;
    }
  }
  return out;
}
}  // namespace

int main(int argc, char** argv) {
  ParseOptions options;
  bool dump_tree = false, bench = false;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--version") && i + 1 < argc) {
      auto v = parse_version(argv[++i]);
      if (!v) {
        std::cerr << "bad version\n";
        return 2;
      }
      options.version = *v;
    } else if (!std::strcmp(argv[i], "--experimental")) {
      options.enable_experimental_functions = true;
    } else if (!std::strcmp(argv[i], "--duration-expr")) {
      options.enable_duration_expressions = true;
    } else if (!std::strcmp(argv[i], "--all-features")) {
      options.enable_experimental_functions = true;
      options.enable_duration_expressions = true;
      options.enable_extended_range_selectors = true;
      options.enable_binop_fill_modifiers = true;
    } else if (!std::strcmp(argv[i], "--dump")) {
      dump_tree = true;
    } else if (!std::strcmp(argv[i], "--bench")) {
      bench = true;
    } else {
      std::cerr << "unknown flag " << argv[i] << "\n";
      return 2;
    }
  }
  std::vector<std::string> inputs;
  for (std::string line; std::getline(std::cin, line);) {
    if (line.empty()) continue;
    inputs.push_back(json_string(line));
  }
  if (bench) {  // the best of five runs
    double best = 1e300;
    size_t bad = 0;
    for (int run = 0; run < 5; ++run) {
      auto start = std::chrono::steady_clock::now();
      bad = 0;
      for (const auto& in : inputs) bad += parse(in, options).ok() ? 0 : 1;
      std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - start;
      best = std::min(best, ms.count());
    }
    std::cout << inputs.size() << " expressions, " << bad << " invalid, " << best << " ms\n";
    return 0;
  }
  for (const auto& in : inputs) {
    auto r = parse(in, options);
    if (r.ok()) {
      std::cout << "0\t" << (dump_tree ? dump(*r.expr) : format(*r.expr)) << "\n";
    } else {
      std::string msg = r.errors.empty() ? "no tree" : prometheus_error_string(in, r.errors[0]);
      for (char& c : msg)
        if (c == '\n') c = ' ';
      std::cout << "1\t" << msg << "\n";
    }
  }
  return 0;
}
