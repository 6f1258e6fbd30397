// SPDX-License-Identifier: Apache-2.0
// Fuzz target: check collector on any input, with every lint on, for both distributions and an
// old and the newest collector version. Any input must give a result (no crash, no hang), every
// finding must have a check name and a message, and a file is invalid exactly when it has an
// error that is not a lint.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "collector/check.h"
#include "collector/lint.h"

int caxtool_fuzz_collector(const uint8_t* data, size_t size) {
  using namespace caxtool::collector;
  if (size > 1 << 16) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  for (Distribution dist : {Distribution::kCore, Distribution::kContrib}) {
    for (Version version : {Version{0, 100}, kNewestVersion}) {
      CheckOptions options;
      options.distribution = dist;
      options.version = version;
      for (const auto& l : lint_checks()) options.lints.insert(std::string(l.name));
      CheckResult r = check_collector_text(text, "fuzz", options);
      bool invalid = false;
      for (const auto& d : r.diagnostics.items()) {
        if (d.check.empty() || d.message.empty() || d.line < 0 || d.column < 0) std::abort();
        if (d.severity == caxtool::diag::Severity::kError && find_lint(d.check) == nullptr) {
          invalid = true;
        }
      }
      if (invalid != r.invalid) std::abort();
    }
  }
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_collector(data, size);
}
#endif
