// SPDX-License-Identifier: Apache-2.0
// Duplicate-series detection for check metrics, off the parsing thread. Every sample is one
// probe into the set of all series seen (exposition/hash.h); with a million series that set is
// larger than the cache and the probes wait on memory for as long as parsing the sample took.
// So, once an exposition proves large, probes are batched and handed to a second thread, which
// prefetches a few probes ahead; the parser goes on meanwhile. Small inputs never start it.
// The order of insertion is the order of samples either way, so the findings are the same.
#pragma once

#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
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
  // Probes are done inline until `threaded_after` samples, then on a second thread.
  explicit DuplicateFinder(size_t threaded_after);
  ~DuplicateFinder();
  DuplicateFinder(const DuplicateFinder&) = delete;
  DuplicateFinder& operator=(const DuplicateFinder&) = delete;

  void add(uint64_t key, int line_no, std::string_view line, size_t name_at, size_t name_size);
  // Lines inside `text` stay readable until flush(): probes made inline are then held back a
  // few samples, their slots prefetched meanwhile, without copying the line. Others are copied.
  void set_stable(std::string_view text) { stable_ = text; }
  // Makes every probe held back.
  void flush();
  // Waits for every probe; the duplicates in sample order.
  std::vector<DuplicateSample> finish();

 private:
  struct Batch {
    std::vector<uint64_t> keys;
    std::vector<int> line_nos;
    std::vector<uint32_t> text_begin;  // into `texts`; a line ends where the next begins
    std::vector<uint32_t> name_at, name_size;
    std::string texts;
    void clear();
  };
  static constexpr size_t kBatch = 4096;
  static constexpr size_t kMaxQueued = 4;

  void probe_inline(uint64_t key, int line_no, std::string_view line, size_t name_at,
                    size_t name_size);
  void retire_oldest();

  // Inline probes held back until their slot has had time to load.
  struct Pending {
    uint64_t key = 0;
    int line_no = 0;
    std::string_view line;
    std::string own;  // the line, when it was not in the stable text
    size_t name_at = 0, name_size = 0;
  };
  static constexpr size_t kHeldBack = 8;
  std::array<Pending, kHeldBack> ring_;
  size_t ring_head_ = 0, ring_size_ = 0;
  std::string_view stable_;
  void hand_over();
  void work();
  void probe_batch(const Batch& b);

  HashSet series_;
  std::vector<DuplicateSample> found_;
  size_t threaded_after_;
  size_t samples_ = 0;
  std::unique_ptr<Batch> filling_;
  std::thread worker_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::unique_ptr<Batch>> queue_;   // full, for the worker
  std::vector<std::unique_ptr<Batch>> spare_;  // probed, for reuse
  bool done_ = false;
};

}  // namespace caxtool::exposition
