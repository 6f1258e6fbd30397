// SPDX-License-Identifier: Apache-2.0
// Fuzz target: a whole prometheus.yml through check config with every lint on: YAML, the
// schema walk, every validator, relabel regexes and the lints, as a user's file reaches them.
// --syntax-only, so an input naming /dev/zero as a rule file cannot make the fuzzer read it.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "promconfig/check.h"
#include "promconfig/lint.h"

int caxtool_fuzz_config(const uint8_t* data, size_t size) {
  static const caxtool::promconfig::CheckOptions options = [] {
    caxtool::promconfig::CheckOptions o;
    o.syntax_only = true;
    for (const auto& l : caxtool::promconfig::lint_checks()) o.lints.insert(std::string(l.name));
    return o;
  }();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto result = caxtool::promconfig::check_config_text(text, "fuzz/prometheus.yml", options);
  (void)result;
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_config(data, size);
}
#endif
