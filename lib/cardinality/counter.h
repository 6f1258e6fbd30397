// SPDX-License-Identifier: Apache-2.0
// Counting series as they stream past, in memory bounded by the distinct label strings and
// label combinations, never by the number of series: series per metric, distinct values per
// label name (overall and per metric, which tells which label multiplies a metric), series per
// label pair. Every source (a server's series, an exposition, a TSDB block) feeds one of these.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "exposition/hash.h"

namespace caxtool::cardinality {

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
  exposition::HashSet label_values_;                         // mix64((label, value))
  std::unordered_map<uint64_t, uint32_t> metric_label_ids_;  // (metric, label) -> id
  std::vector<uint64_t> metric_label_values_;                // id -> distinct values
  std::vector<uint64_t> metric_label_keys_;                  // id -> (metric, label)
  exposition::HashSet metric_label_value_set_;               // mix64((id, value))
  std::unordered_map<uint64_t, uint64_t> pair_series_;       // (label, value) -> series
};

}  // namespace caxtool::cardinality
