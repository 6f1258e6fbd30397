// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the incremental JSON reader behind /api/v1/series. No input may crash it, and the
// way the network happens to cut the body must not matter: fed in pieces (the first byte picks
// the piece size) or whole, it must see the same series and the same verdict.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "promapi/series_stream.h"

namespace {

struct Outcome {
  bool ok = false;
  uint64_t series = 0;
  std::string labels;  // every label seen, in order
};

Outcome read(std::string_view body, size_t step) {
  Outcome o;
  caxtool::promapi::SeriesStream stream([&o](const caxtool::promapi::SeriesLabels& labels) {
    for (const auto& [k, v] : labels) (((o.labels += k) += '=') += v) += ';';
    o.labels += '\n';
  });
  bool fed = true;
  for (size_t i = 0; i < body.size() && fed; i += step) fed = stream.feed(body.substr(i, step));
  o.ok = fed && stream.finish();
  o.series = stream.series();
  return o;
}

}  // namespace

int caxtool_fuzz_series_stream(const uint8_t* data, size_t size) {
  if (size < 1 || size > (1 << 16)) return 0;
  size_t step = data[0] == 0 ? 1 : data[0];
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  Outcome pieces = read(body, step);
  Outcome whole = read(body, body.size() + 1);
  if (pieces.ok != whole.ok || pieces.series != whole.series || pieces.labels != whole.labels)
    std::abort();
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_series_stream(data, size);
}
#endif
