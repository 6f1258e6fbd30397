// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the YAML adapter, which every rule file, config and values file goes through.
// Any input must give a tree or diagnostics: no crash, no hang, bounded memory.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "yaml/node.h"

int caxtool_fuzz_yaml(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  caxtool::yaml::ParseOptions options;
  options.max_nodes = 200'000;
  auto result = caxtool::yaml::parse(text, "fuzz.yaml", options);
  (void)result;
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_yaml(data, size);
}
#endif
