// SPDX-License-Identifier: Apache-2.0
// `check metrics` as a library call: parse an exposition in chunks, run the selected lints,
// and return diagnostics, promtool's verdict and (with extended) promtool's cardinality table.
// Memory is one record per family plus, when duplicate detection or the table is on, one hash
// per distinct series; the input itself is never held.
#pragma once

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "exposition/types.h"

namespace caxtool::exposition {

struct CheckOptions {
  Format format = Format::kPrometheus;
  std::string file;                          // as shown in diagnostics
  std::set<std::string, std::less<>> lints;  // enabled lint names
  bool extended = false;
  // The input's size when known (a regular file): after the first chunk, the sample density
  // seen so far sizes the duplicate set for the whole input at once.
  uint64_t input_bytes = 0;
};

struct CardinalityRow {
  std::string name;
  int64_t cardinality = 0;
};

struct CheckResult {
  diag::Diagnostics diagnostics;
  std::string source_text;  // for diag::Sources: the lines diagnostics point at, in place
  bool parse_failed = false;
  size_t families = 0;  // families with samples
  uint64_t samples = 0;
  // promtool's --extended table: counter, gauge, untyped = samples; histogram and summary =
  // metrics x (2 + buckets or quantiles of the first metric). Largest first, ties by name.
  std::vector<CardinalityRow> extended;
  int64_t extended_total = 0;
};

class MetricsChecker {
 public:
  explicit MetricsChecker(CheckOptions options);
  ~MetricsChecker();
  void feed(std::string_view chunk);
  CheckResult finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The whole input at once (tests, the fuzzer).
CheckResult check_metrics_text(std::string_view text, const CheckOptions& options);

}  // namespace caxtool::exposition
