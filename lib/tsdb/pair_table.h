// SPDX-License-Identifier: Apache-2.0
// Per-label-pair sums over a million series without hashing strings: pairs are keyed by symbol
// index, in a flat slot per value symbol claimed by the first label name seen with it. A value
// shared by several names (a "true" under two labels) spills into a hash map. This is the hot
// loop of the analysis, several million updates per index.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace caxtool::tsdb {

class PairTable {
 public:
  struct Pair {
    uint32_t name = 0;  // symbol indices
    uint32_t value = 0;
    uint64_t count = 0;  // series carrying the pair
    uint64_t sum = 0;    // summed per-series uncovered time (wrapping, as promtool's uint64)
  };

  explicit PairTable(size_t symbols) : by_value_(symbols) {}

  void add(uint32_t name, uint32_t value, uint64_t uncovered) {
    Slot& s = by_value_[value];
    if (s.name_plus1 == name + 1) {
      ++s.count;
      s.sum += uncovered;
    } else if (s.name_plus1 == 0) {
      s.name_plus1 = name + 1;
      s.count = 1;
      s.sum = uncovered;
    } else {
      Slot& o = overflow_[(uint64_t{name} << 32) | value];
      ++o.count;
      o.sum += uncovered;
    }
  }

  std::vector<Pair> pairs() const {
    std::vector<Pair> out;
    out.reserve(overflow_.size() + by_value_.size() / 4);
    for (size_t v = 0; v < by_value_.size(); ++v) {
      const Slot& s = by_value_[v];
      if (s.name_plus1 != 0)
        out.push_back({s.name_plus1 - 1, static_cast<uint32_t>(v), s.count, s.sum});
    }
    for (const auto& [key, s] : overflow_) {
      out.push_back({static_cast<uint32_t>(key >> 32), static_cast<uint32_t>(key), s.count, s.sum});
    }
    return out;
  }

 private:
  struct Slot {
    uint64_t sum = 0;
    uint32_t count = 0;
    uint32_t name_plus1 = 0;  // 0: unclaimed
  };
  std::vector<Slot> by_value_;
  std::unordered_map<uint64_t, Slot> overflow_;
};

}  // namespace caxtool::tsdb
