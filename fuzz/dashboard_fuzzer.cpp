// SPDX-License-Identifier: Apache-2.0
// Fuzz target: the positioned JSON parser (the index every dashboard finding's line, column and
// --fix edit is computed from) and check dashboard on top of it. Every value's range must lie
// inside its parent's, every string offset inside its string and increasing, and a --fix of a
// valid document must leave valid JSON.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dashboard/check.h"
#include "dashboard/lint.h"
#include "json/value.h"

namespace {

void check_ranges(std::string_view text, const caxtool::json::Value& v, size_t begin, size_t end,
                  size_t depth) {
  using caxtool::json::Type;
  if (v.begin < begin || v.end > end || v.begin >= v.end) std::abort();
  if (depth > caxtool::json::kMaxDepth + 1) std::abort();
  if (v.type == Type::kString) {
    if (text[v.begin] != '"' || text[v.end - 1] != '"') std::abort();
    size_t last = v.begin;
    for (size_t i = 0; i <= v.text.size(); ++i) {
      size_t at = caxtool::json::string_offset(text, v, i);
      if (at < last || at >= v.end) std::abort();
      last = at;
    }
  }
  if (v.type == Type::kObject && v.keys.size() != v.items.size()) std::abort();
  for (const auto& item : v.items) check_ranges(text, item, v.begin + 1, v.end - 1, depth + 1);
}

}  // namespace

int caxtool_fuzz_dashboard(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  caxtool::json::Document doc = caxtool::json::parse(text);
  if (doc.ok()) check_ranges(text, doc.root, 0, text.size(), 0);
  if (!doc.ok() && doc.errors.front().offset > text.size()) std::abort();

  caxtool::dashboard::CheckOptions options;
  for (const auto& l : caxtool::dashboard::lint_checks()) options.lints.insert(std::string(l.name));
  options.scrape_interval_ms = 15000;
  caxtool::dashboard::FileResult r = caxtool::dashboard::check_file(text, "fuzz.json", options);
  if (doc.ok() && !r.edits.empty()) {
    std::string fixed = caxtool::dashboard::apply_edits(text, r.edits);
    if (!caxtool::json::parse(fixed).ok()) std::abort();
  }
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_dashboard(data, size);
}
#endif
