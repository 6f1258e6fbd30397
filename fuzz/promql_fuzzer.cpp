// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the PromQL front end, as the oldest and the newest Prometheus it imitates. Any
// input must give a tree or errors (no crash, no hang), and a valid expression must print to
// PromQL that parses back to the same tree and prints the same again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "promql/parser.h"

namespace {

void round_trip(std::string_view text, const caxtool::promql::ParseOptions& options) {
  using namespace caxtool::promql;
  ParseResult first = parse(text, options);
  if (!first.ok()) return;
  DumpOptions sorted;
  sorted.sort_matchers = true;
  std::string printed = format(*first.expr);
  ParseResult second = parse(printed, options);
  if (!second.ok()) std::abort();  // format() wrote something its own parser refuses
  if (dump(*second.expr, sorted) != dump(*first.expr, sorted)) std::abort();
  if (format(*second.expr) != printed) std::abort();
}

}  // namespace

int caxtool_fuzz_promql(const uint8_t* data, size_t size) {
  if (size > 4096) return 0;  // long inputs add nothing but time
  std::string_view text(reinterpret_cast<const char*>(data), size);
  caxtool::promql::ParseOptions newest;
  newest.enable_experimental_functions = true;
  newest.enable_duration_expressions = true;
  newest.enable_extended_range_selectors = true;
  newest.enable_binop_fill_modifiers = true;
  round_trip(text, newest);
  caxtool::promql::ParseOptions oldest;
  oldest.version = caxtool::promql::oldest_version();
  round_trip(text, oldest);
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_promql(data, size);
}
#endif
