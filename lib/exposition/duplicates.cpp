// SPDX-License-Identifier: Apache-2.0
// The held-back ring: add() prefetches the new probe's slot and, once kHeldBack probes wait,
// inserts the oldest, whose slot has had time to arrive. MetricsChecker::feed flushes the ring
// before the chunk the lines point into goes away.
#include "exposition/duplicates.h"

#include <functional>

namespace caxtool::exposition {

void DuplicateFinder::add(uint64_t key, int line_no, std::string_view line, size_t name_at,
                          size_t name_size) {
  series_.prefetch(key);
  if (ring_size_ == kHeldBack) retire_oldest();
  Pending& p = ring_[(ring_head_ + ring_size_++) % kHeldBack];
  p.key = key;
  p.line_no = line_no;
  p.name_at = name_at;
  p.name_size = name_size;
  // std::less_equal: a total order even for pointers into different buffers.
  std::less_equal<const char*> le;
  bool stable = le(stable_.data(), line.data()) &&
                le(line.data() + line.size(), stable_.data() + stable_.size());
  if (stable) {
    p.line = line;
  } else {
    p.own.assign(line);
    p.line = p.own;
  }
}

void DuplicateFinder::retire_oldest() {
  Pending& p = ring_[ring_head_];
  if (!series_.insert(p.key))
    found_.push_back({p.line_no, std::string(p.line), p.name_at, p.name_size});
  ring_head_ = (ring_head_ + 1) % kHeldBack;
  --ring_size_;
}

void DuplicateFinder::flush() {
  while (ring_size_ > 0) retire_oldest();
}

std::vector<DuplicateSample> DuplicateFinder::finish() {
  flush();
  return std::move(found_);
}

}  // namespace caxtool::exposition
