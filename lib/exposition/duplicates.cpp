// SPDX-License-Identifier: Apache-2.0
// The parsing thread fills batches of probes (hash, line number, a copy of the line) and queues
// them; the worker probes each batch in order and returns it for reuse. At most kMaxQueued
// batches wait, so memory stays a few hundred KB above the set itself however fast the parser is.
// Before that (the first threaded_after samples), probes are made on the parsing thread, each held
// back kHeldBack samples while its slot is prefetched; MetricsChecker::feed flushes them before
// the chunk their lines point into goes away.
#include "exposition/duplicates.h"

#include <functional>

namespace caxtool::exposition {

void DuplicateFinder::Batch::clear() {
  keys.clear();
  line_nos.clear();
  text_begin.clear();
  name_at.clear();
  name_size.clear();
  texts.clear();
}

DuplicateFinder::DuplicateFinder(size_t threaded_after) : threaded_after_(threaded_after) {}

DuplicateFinder::~DuplicateFinder() {
  if (worker_.joinable()) finish();
}

void DuplicateFinder::add(uint64_t key, int line_no, std::string_view line, size_t name_at,
                          size_t name_size) {
  if (samples_++ < threaded_after_) {
    probe_inline(key, line_no, line, name_at, name_size);
    return;
  }
  if (!worker_.joinable()) {
    flush();  // the inline probes come first, so the findings stay in sample order
    worker_ = std::thread([this] { work(); });
  }
  if (!filling_) {
    std::lock_guard lock(mutex_);
    if (!spare_.empty()) {
      filling_ = std::move(spare_.back());
      spare_.pop_back();
    }
  }
  if (!filling_) filling_ = std::make_unique<Batch>();
  Batch& b = *filling_;
  b.keys.push_back(key);
  b.line_nos.push_back(line_no);
  b.text_begin.push_back(static_cast<uint32_t>(b.texts.size()));
  b.name_at.push_back(static_cast<uint32_t>(name_at));
  b.name_size.push_back(static_cast<uint32_t>(name_size));
  b.texts.append(line);
  if (b.keys.size() == kBatch || b.texts.size() > (1u << 30)) hand_over();
}

void DuplicateFinder::probe_inline(uint64_t key, int line_no, std::string_view line, size_t name_at,
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

void DuplicateFinder::hand_over() {
  std::unique_lock lock(mutex_);
  changed_.wait(lock, [this] { return queue_.size() < kMaxQueued; });
  queue_.push_back(std::move(filling_));
  changed_.notify_all();
}

void DuplicateFinder::work() {
  for (;;) {
    std::unique_ptr<Batch> b;
    {
      std::unique_lock lock(mutex_);
      changed_.wait(lock, [this] { return !queue_.empty() || done_; });
      if (queue_.empty()) return;
      b = std::move(queue_.front());
      queue_.pop_front();
      changed_.notify_all();
    }
    probe_batch(*b);
    b->clear();
    std::lock_guard lock(mutex_);
    spare_.push_back(std::move(b));
  }
}

void DuplicateFinder::probe_batch(const Batch& b) {
  constexpr size_t kAhead = 16;
  const size_t n = b.keys.size();
  for (size_t i = 0; i < n; ++i) {
    if (i + kAhead < n) series_.prefetch(b.keys[i + kAhead]);
    if (series_.insert(b.keys[i])) continue;
    size_t begin = b.text_begin[i];
    size_t end = i + 1 < n ? b.text_begin[i + 1] : b.texts.size();
    found_.push_back(
        {b.line_nos[i], b.texts.substr(begin, end - begin), b.name_at[i], b.name_size[i]});
  }
}

std::vector<DuplicateSample> DuplicateFinder::finish() {
  flush();
  if (worker_.joinable()) {
    if (filling_ && !filling_->keys.empty()) hand_over();
    {
      std::lock_guard lock(mutex_);
      done_ = true;
    }
    changed_.notify_all();
    worker_.join();
  }
  return std::move(found_);
}

}  // namespace caxtool::exposition
