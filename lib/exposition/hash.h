// SPDX-License-Identifier: Apache-2.0
// Hashing for linear duplicate detection: a series is remembered as one 64-bit hash of its name
// and its label set (order-independent), in an open-addressing set of bare integers. Eight bytes
// a series keeps memory proportional to the distinct series, never to the input, and every
// check stays one probe per sample instead of comparing series pairwise.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "util/huge_pages.h"

namespace caxtool::exposition {

inline uint64_t mix64(uint64_t x) {
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  x *= 0xd6e8feb86659fd93ULL;
  x ^= x >> 32;
  return x;
}

// The high and low halves of a 64x64-bit product, folded: one multiply mixes every input bit
// into every output bit, which is what makes wyhash-style hashing fast.
inline uint64_t fold_multiply(uint64_t a, uint64_t b) {
  __extension__ using u128 = unsigned __int128;
  u128 r = static_cast<u128>(a) * b;
  return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
}

// The last n < 8 bytes as one word, with fixed-size loads (a memcpy of a variable length is a
// call). Overlapping reads are fine: the length is mixed in by the caller.
inline uint64_t load_tail(const char* p, size_t n) {
  if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    return (static_cast<uint64_t>(a) << 32) | b;
  }
  if (n == 0) return 0;
  return (static_cast<uint64_t>(static_cast<unsigned char>(p[0])) << 16) |
         (static_cast<uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8) |
         static_cast<unsigned char>(p[n - 1]);
}

// Eight bytes per multiply; names and label values are mostly under 16 bytes, so this is one
// to three multiplies a string.
inline uint64_t hash_bytes(std::string_view s, uint64_t seed = 0x9e3779b97f4a7c15ULL) {
  constexpr uint64_t kA = 0xa0761d6478bd642fULL, kB = 0xe7037ed1a0b428dbULL;
  uint64_t h = seed ^ (s.size() * 0xff51afd7ed558ccdULL);
  size_t i = 0;
  for (; i + 8 <= s.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    h = fold_multiply(w ^ kA, h ^ kB);
  }
  return fold_multiply(load_tail(s.data() + i, s.size() - i) ^ kB, h ^ kA ^ s.size());
}

// One label pair; label sets combine pairs by addition, so order does not matter. The name and
// the value are hashed as one stream, the name's length between them keeping ("ab","c") apart
// from ("a","bc").
inline uint64_t hash_label(std::string_view name, std::string_view value) {
  return hash_bytes(value, hash_bytes(name, 0x632be59bd9b4e019ULL) ^ 0x2545f4914f6cdd1dULL);
}

// A label pair hashed as the text `name="value`, one stream: in a line without blanks or escapes
// that text is already there in one piece. Otherwise it is spelled out in `scratch`, so a series
// hashes the same however it is written. (Not the same hash as hash_label.)
inline uint64_t hash_label_text(std::string_view name, std::string_view value,
                                std::string& scratch) {
  const char* after = name.data() + name.size();
  if (value.data() == after + 2 && after[0] == '=' && after[1] == '"') {
    return hash_bytes(std::string_view(name.data(), name.size() + 2 + value.size()));
  }
  scratch.assign(name);
  scratch += "=\"";
  scratch += value;
  return hash_bytes(scratch);
}

// A set of 64-bit hashes (0 is stored as 1: a collision on purpose, at no practical cost), by
// linear probing, at most 70% full.
class HashSet {
 public:
  // True when `h` was not there before.
  bool insert(uint64_t h) {
    if (h == 0) h = 1;
    if ((size_ + 1) * 10 > slots_.size() * 7) grow();
    size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == h) return false;
      if (slots_[i] == 0) {
        slots_[i] = h;
        ++size_;
        return true;
      }
    }
  }
  // Starts loading the slot where `h` would be probed first (for h == 0, the line next to it).
  // Unconditional and in plain pointer arithmetic on purpose: GCC 12 silently drops a
  // __builtin_prefetch under an `if`, or after `h |= h == 0`, and did so here for every probe.
  // An empty table prefetches a harmless bogus address (prefetches never fault).
  void prefetch(uint64_t h) const {
    auto base = reinterpret_cast<uintptr_t>(slots_.data());
    auto offset = static_cast<uintptr_t>(h & (slots_.size() - 1)) * sizeof(uint64_t);
    __builtin_prefetch(reinterpret_cast<const void*>(base + offset));
  }
  bool contains(uint64_t h) const {
    if (h == 0) h = 1;
    if (slots_.empty()) return false;
    size_t mask = slots_.size() - 1;
    for (size_t i = static_cast<size_t>(h) & mask;; i = (i + 1) & mask) {
      if (slots_[i] == h) return true;
      if (slots_[i] == 0) return false;
    }
  }
  size_t size() const { return size_; }
  // Room for `n` hashes without growing: one allocation, where growing by doubling would move
  // every hash about once more, each move a cache miss.
  void reserve(size_t n) {
    size_t want = 64;
    while (want * 7 < 10 * n) want *= 2;
    if (want > slots_.size()) rehash(want);
  }
  void clear() {
    slots_.clear();
    size_ = 0;
  }

 private:
  void grow() { rehash(slots_.empty() ? 64 : slots_.size() * 2); }
  void rehash(size_t slots) {
    std::vector<uint64_t, util::HugePageAllocator<uint64_t>> old;
    old.swap(slots_);
    slots_.assign(slots, 0);
    size_ = 0;
    // Moving a million hashes is a million cache misses in the new table: each is prefetched a
    // few hashes ahead, which halves the time.
    constexpr size_t kAhead = 16;
    const size_t mask = slots_.size() - 1;
    for (size_t i = 0; i < old.size(); ++i) {
      if (i + kAhead < old.size() && old[i + kAhead] != 0) {
        __builtin_prefetch(&slots_[static_cast<size_t>(old[i + kAhead]) & mask], 1);
      }
      if (old[i] != 0) insert(old[i]);
    }
  }
  std::vector<uint64_t, util::HugePageAllocator<uint64_t>> slots_;
  size_t size_ = 0;
};

}  // namespace caxtool::exposition
