// SPDX-License-Identifier: Apache-2.0
// Counting series as they stream past, in memory bounded by the distinct label strings and
// label combinations, never by the number of series: series per metric, distinct values per
// label name (overall and per metric, which tells which label multiplies a metric), series per
// label pair. Every source (a server's series, an exposition, a TSDB block) feeds one of these.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace caxtool::cardinality {

// splitmix64's finaliser: packed ids and summed hashes are far from random.
inline uint64_t hash_mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// One label pair's hash; a series' identity is the sum over its pairs, whatever their order.
inline uint64_t label_pair_hash(std::string_view name, std::string_view value) {
  uint64_t h = std::hash<std::string_view>{}(name);
  return hash_mix(h * 0x9E3779B97F4A7C15ULL ^ std::hash<std::string_view>{}(value));
}

// Strings stored once, named by a dense id.
class Interner {
 public:
  uint32_t intern(std::string_view s);
  std::string_view name(uint32_t id) const { return names_[id]; }
  size_t size() const { return names_.size(); }

 private:
  std::deque<std::string> storage_;  // stable addresses for the views below
  std::vector<std::string_view> names_;
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// An open-addressing set of 64-bit keys: 8 bytes an entry, where std::unordered_set spends 40.
class FlatSet {
 public:
  bool insert(uint64_t key);  // true when new
  size_t size() const { return size_; }

 private:
  void grow();
  std::vector<uint64_t> slots_;  // kEmpty where free
  size_t size_ = 0;
  static constexpr uint64_t kEmpty = ~uint64_t{0};
};

struct NameCount {
  std::string name;
  uint64_t count = 0;
};

struct MetricStat {
  std::string name;
  uint64_t series = 0;
  std::string top_label;  // the label with the most distinct values on this metric
  uint64_t top_label_values = 0;
};

struct LabelStat {
  std::string name;
  uint64_t values = 0;  // distinct values
  uint64_t series = 0;  // series carrying the label
};

class Counter {
 public:
  // One series: its labels, __name__ included, in any order.
  void add(const std::vector<std::pair<std::string_view, std::string_view>>& labels);

  uint64_t total_series() const { return total_; }
  // Largest first, ties by name; n = 0 for all.
  std::vector<MetricStat> metrics(size_t n) const;
  std::vector<LabelStat> labels(size_t n) const;
  std::vector<NameCount> label_pairs(size_t n) const;  // "name=value"
  // Distinct values of `label` on `metric` (0 when it never carries it).
  uint64_t values_on_metric(std::string_view metric, std::string_view label) const;
  uint64_t label_values(std::string_view label) const;
  uint64_t metric_series(std::string_view metric) const;

 private:
  struct LabelCounts {
    uint64_t values = 0;
    uint64_t series = 0;
  };
  Interner strings_;
  uint64_t total_ = 0;
  std::unordered_map<uint32_t, uint64_t> metric_series_;     // metric -> series
  std::unordered_map<uint32_t, LabelCounts> label_;          // label -> counts
  FlatSet label_values_;                                     // (label, value)
  std::unordered_map<uint64_t, uint32_t> metric_label_ids_;  // (metric, label) -> id
  std::vector<uint64_t> metric_label_values_;                // id -> distinct values
  std::vector<uint64_t> metric_label_keys_;                  // id -> (metric, label)
  FlatSet metric_label_value_set_;                           // (id, value)
  std::unordered_map<uint64_t, uint64_t> pair_series_;       // (label, value) -> series
};

}  // namespace caxtool::cardinality
