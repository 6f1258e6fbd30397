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
#include "promql_test_util.h"

using namespace caxtool::promql;

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
    inputs.push_back(promql_test::json_string(line));
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
