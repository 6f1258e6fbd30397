// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the TSDB index reader and the analysis on it. Any bytes must give an Analysis or
// a TsdbError with an offset inside the input (no crash, no out-of-bounds read, no hang), with
// and without a selector (which reads postings lists the plain analysis skips).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <span>
#include <variant>
#include <vector>

#include "tsdb/analysis.h"

int caxtool_fuzz_tsdb_index(const uint8_t* data, size_t size) {
  using namespace caxtool::tsdb;
  if (size > (1u << 20)) return 0;
  // A copy, so reads past `size` are caught by ASan instead of landing in the fuzzer's buffer.
  std::vector<uint8_t> bytes(data, data + size);
  BlockMeta meta;
  meta.ulid = "01FUZZ0000000000000000000";
  meta.min_time = 0;
  meta.max_time = 7200000;
  AnalyzeOptions plain;
  plain.limit = 5;
  AnalyzeOptions matched = plain;
  auto sel = parse_selector("{__name__=~\".+\",job!=\"x\"}");
  if (auto* m = std::get_if<std::vector<LabelMatcher>>(&sel)) matched.matchers = *m;
  for (const AnalyzeOptions* o : {&plain, &matched}) {
    auto r = analyze_index(std::span<const uint8_t>(bytes.data(), bytes.size()), meta, *o);
    if (auto* e = std::get_if<TsdbError>(&r)) {
      if (e->offset && *e->offset > size) std::abort();  // an error must point into the file
    }
  }
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_tsdb_index(data, size);
}
#endif
