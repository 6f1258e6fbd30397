// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the YAML adapter, which every rule file, config and values file goes through.
// Any input must give a tree or diagnostics: no crash, no hang, bounded memory. It is also a
// differential target: where the fast reader (lib/yaml/fast_parse.h) accepts an input, its tree
// must be libyaml's to the mark, and parse_fast_first must offer a completion hook the same
// nodes in the same order as libyaml alone, and end with the same result; it aborts otherwise.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "yaml/fast_parse.h"
#include "yaml/node.h"
#include "yaml/tree_diff.h"

namespace {

using caxtool::yaml::Node;

[[noreturn]] void differ(const std::string& what) {
  std::fprintf(stderr, "fast reader differs from libyaml: %s\n", what.c_str());
  std::abort();
}

// Every offer a hook sees, and its answer: sequence items two levels down are taken (as check
// rules takes groups), the rest kept.
struct Recorder {
  std::vector<std::string> calls;
  bool operator()(Node& node, const std::vector<std::string_view>& path, size_t document) {
    std::string call = std::to_string(document);
    for (std::string_view p : path) call.append("/").append(p);
    call += "\n" + caxtool::yaml::dump(node);
    calls.push_back(std::move(call));
    return path.size() == 2 && path[1] == "#";
  }
};

std::string summary(const caxtool::yaml::ParseResult& r) {
  std::string out = std::to_string(r.documents_before_error) + "\n";
  for (const auto& d : r.documents) out += (d.empty ? "empty\n" : caxtool::yaml::dump(d.root));
  for (const auto& d : r.diagnostics.items()) {
    out += std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.check + " " +
           d.message + "\n";
  }
  return out;
}

}  // namespace

int caxtool_fuzz_yaml(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  caxtool::yaml::ParseOptions options;
  options.max_nodes = 200'000;
  auto result = caxtool::yaml::parse(text, "fuzz.yaml", options);

  auto fast = caxtool::yaml::fast_parse(text, options);
  if (fast.handled) {
    if (!result.ok() || result.documents.size() != 1 || result.documents[0].empty) {
      differ("accepted what libyaml rejects or reads as no or several documents");
    }
    std::string d = caxtool::yaml::first_difference(fast.root, result.documents[0].root);
    if (!d.empty()) differ(d);
  }

  Recorder slow_hook, fast_hook;
  caxtool::yaml::ParseOptions slow_options = options, fast_options = options;
  slow_options.on_completed = std::ref(slow_hook);
  fast_options.on_completed = std::ref(fast_hook);
  auto slow = caxtool::yaml::parse(text, "fuzz.yaml", slow_options);
  auto mixed = caxtool::yaml::parse_fast_first(text, "fuzz.yaml", fast_options);
  if (slow_hook.calls != fast_hook.calls) differ("the completion hook saw other offers");
  if (summary(slow) != summary(mixed)) differ("another result with a completion hook");
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_yaml(data, size);
}
#endif
