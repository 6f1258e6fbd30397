// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the exposition parser and check metrics, in both formats, with every lint and
// the extended table on. Any input must give a result (no crash, no hang), and feeding it in
// chunks of any size must give exactly what feeding it whole gives.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "exposition/check.h"
#include "exposition/lint.h"

namespace {

std::string summary(const caxtool::exposition::CheckResult& r) {
  std::string out = std::to_string(r.samples) + " " + std::to_string(r.families) + "\n";
  for (const auto& d : r.diagnostics.items()) {
    out += std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.check + " " +
           d.message + "\n";
  }
  return out;
}

}  // namespace

int caxtool_fuzz_exposition(const uint8_t* data, size_t size) {
  using namespace caxtool::exposition;
  if (size < 1 || size > 1 << 16) return 0;
  size_t chunk = 1 + data[0] % 17;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  for (Format format : {Format::kPrometheus, Format::kOpenMetrics}) {
    CheckOptions options;
    options.format = format;
    options.file = "fuzz";
    options.extended = true;
    for (const auto& l : lint_checks()) options.lints.insert(std::string(l.name));
    CheckResult whole = check_metrics_text(text, options);
    MetricsChecker pieces(options);
    for (size_t i = 0; i < text.size(); i += chunk) pieces.feed(text.substr(i, chunk));
    CheckResult split = pieces.finish();
    if (summary(whole) != summary(split)) std::abort();
    if (whole.parse_failed != whole.diagnostics.has_at_least(caxtool::diag::Severity::kError)) {
      std::abort();  // a parse failure is always reported, and only parse problems are errors
    }
  }
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_exposition(data, size);
}
#endif
