// SPDX-License-Identifier: Apache-2.0
// Test-only driver for diff_promtool.py (not built by CMake): reads templates, one per line as
// "NAME<TAB>HEX" (NAME is the template's name, "__alert_" + the alert), and prints caxtool's
// verdict on each: "ok", or "error<TAB>begin<TAB>end<TAB>message" for the first error.
// Usage: check_driver MAJOR.MINOR < templates.tsv
#include <cstdio>
#include <iostream>
#include <string>

#include "gotemplate/template.h"

namespace {

std::string from_hex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  caxtool::gotemplate::CheckOptions options;
  if (argc > 1 && std::sscanf(argv[1], "%d.%d", &options.major, &options.minor) != 2) {
    std::cerr << "usage: check_driver MAJOR.MINOR < templates.hex\n";
    return 2;
  }
  std::string line;
  while (std::getline(std::cin, line)) {
    size_t tab = line.find('\t');
    options.template_name = line.substr(0, tab);
    auto errors = caxtool::gotemplate::check(from_hex(line.substr(tab + 1)), options);
    if (errors.empty()) {
      std::cout << "ok\n";
      continue;
    }
    std::string message = errors.front().message;
    for (char& c : message) {
      if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // one line per template, always
    }
    std::cout << "error\t" << errors.front().begin << '\t' << errors.front().end << '\t' << message
              << '\n';
  }
  return 0;
}
