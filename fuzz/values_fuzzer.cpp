// SPDX-License-Identifier: Apache-2.0
// Fuzz target: a values file through schema checks, cross checks and, when it is valid, every
// template; the rendered files are parsed back, so an escaping bug shows up as a crash here.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "generate/context.h"
#include "generate/embedded.h"
#include "generate/template.h"
#include "generate/values.h"

int caxtool_fuzz_values(const uint8_t* data, size_t size) {
  using namespace caxtool::generate;
  ValuesSource src{"fuzz.yaml", std::string(reinterpret_cast<const char*>(data), size)};
  Values values = load_values(src, {});
  if (!values.ok()) return 0;
  nlohmann::json context = build_context(values.data);
  for (const EmbeddedFile& f : embedded_files()) {
    if (f.path.rfind("stack/", 0) != 0) continue;
    RenderResult r = render_template(f.content, context);
    if (r.error) std::abort();  // valid values must always render
  }
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_values(data, size);
}
#endif
