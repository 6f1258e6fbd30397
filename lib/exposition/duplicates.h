// SPDX-License-Identifier: Apache-2.0
// Duplicate-series detection for check metrics. Every sample is one probe into the set of all
// series seen (exposition/hash.h); with a million series that set is larger than the cache, so
// a probe that waited for its slot would wait on memory as long as parsing the sample took.
// Instead each probe is held back a few samples while its slot is prefetched, and the set is
// sized once from the input's size when that is known, in huge pages where the kernel allows.
// The order of insertion is the order of samples, so the findings come in sample order.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "exposition/hash.h"

namespace caxtool::exposition {

// A sample seen before: its line, kept for the diagnostic.
struct DuplicateSample {
  int line_no = 0;
  std::string text;
  size_t name_at = 0, name_size = 0;
};

class DuplicateFinder {
 public:
  void add(uint64_t key, int line_no, std::string_view line, size_t name_at, size_t name_size);
  // About how many samples the input holds, to size the set once.
  void expect(size_t samples) { series_.reserve(samples); }
  // Lines inside `text` stay readable until flush(), so a held-back probe of one of them
  // points into it; other lines are copied.
  void set_stable(std::string_view text) { stable_ = text; }
  // Makes every probe held back.
  void flush();
  // The duplicates in sample order.
  std::vector<DuplicateSample> finish();

 private:
  struct Pending {
    uint64_t key = 0;
    int line_no = 0;
    std::string_view line;
    std::string own;  // the line, when it was not in the stable text
    size_t name_at = 0, name_size = 0;
  };
  // Eight samples of parsing cover a slot's load from memory, even with a page walk.
  static constexpr size_t kHeldBack = 8;

  void retire_oldest();

  std::array<Pending, kHeldBack> ring_;
  size_t ring_head_ = 0, ring_size_ = 0;
  std::string_view stable_;
  HashSet series_;
  std::vector<DuplicateSample> found_;
};

}  // namespace caxtool::exposition
