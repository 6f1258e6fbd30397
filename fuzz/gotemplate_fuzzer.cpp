// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the Go template parser, which reads every label and annotation of every alerting
// rule. Any input must give errors or none: no crash, no hang, bounded stack, and every range
// inside the text. The first byte picks a Prometheus version, so the Go-version paths run too.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "gotemplate/template.h"

namespace {

void require_in_text(size_t begin, size_t end, size_t size) {
  if (begin > end || end > size) std::abort();
}

}  // namespace

int caxtool_fuzz_gotemplate(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  constexpr caxtool::gotemplate::Version kVersions[] = {{2, 4},  {2, 25}, {2, 34}, {2, 42},
                                                        {2, 55}, {3, 6},  {3, 99}, {2, 27}};
  const auto& v = kVersions[data[0] % (sizeof kVersions / sizeof kVersions[0])];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);

  caxtool::gotemplate::CheckOptions options;
  options.major = v.major;
  options.minor = v.minor;
  options.prometheus_prelude = (data[0] & 0x80) == 0;
  options.template_name = "__alert_A";
  for (const auto& e : caxtool::gotemplate::check(text, options)) {
    require_in_text(e.begin, e.end, text.size());
    if (e.message.empty()) std::abort();
  }
  auto summary = caxtool::gotemplate::summarize(text);
  for (const auto& r : summary.variables) require_in_text(r.begin, r.end, text.size());
  for (const auto& r : summary.functions) require_in_text(r.begin, r.end, text.size());
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_gotemplate(data, size);
}
#endif
