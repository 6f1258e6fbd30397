// SPDX-License-Identifier: Apache-2.0
// Fuzz target: a whole rule file through check rules with every lint on: YAML, the loader,
// PromQL, templates and the lints together, as a user's file reaches them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/check.h"
#include "rules/lint.h"

int caxtool_fuzz_rules(const uint8_t* data, size_t size) {
  static const caxtool::rules::CheckOptions options = [] {
    caxtool::rules::CheckOptions o;
    for (const auto& l : caxtool::rules::lint_checks()) o.lints.insert(std::string(l.name));
    return o;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = caxtool::rules::check_rules_text(text, "fuzz.yml", options);
  (void)result;
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_rules(data, size);
}
#endif
