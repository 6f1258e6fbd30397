// SPDX-License-Identifier: Apache-2.0
// `tsdb analyze` as data: what promtool tsdb analyze prints for one block (series, label
// names, postings, churn, the most common label pairs, the largest label names and metric
// names), computed from the index and meta.json alone. The CLI renders it as promtool's text
// or as JSON; nothing here prints.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "tsdb/error.h"
#include "tsdb/meta.h"
#include "tsdb/selector.h"

namespace caxtool::tsdb {

struct AnalyzeOptions {
  size_t limit = 20;                   // entries per list, as promtool's --limit
  std::vector<LabelMatcher> matchers;  // --match; empty: every series
  std::string selector;                // the --match text, echoed in the result
  const std::atomic<bool>* cancel = nullptr;
};

struct NameCount {
  std::string name;
  uint64_t count = 0;
};

struct PairCount {
  std::string name;
  std::string value;
  uint64_t count = 0;
};

struct Analysis {
  std::string block_dir;
  BlockMeta meta;  // block id, time range, meta.json's series count
  int index_version = 0;
  std::optional<std::string> selector;     // with --match
  std::optional<uint64_t> matched_series;  // with --match
  uint64_t label_names = 0;
  uint64_t postings_unique = 0;  // distinct label pairs of the analysed series
  uint64_t postings_total = 0;   // label pairs summed over the analysed series
  // Each list: highest first, ties by name (promtool leaves ties in map order), at most `limit`.
  std::vector<PairCount> churn_by_label_pair;
  std::vector<NameCount> churn_by_label_name;
  std::vector<PairCount> most_common_label_pairs;
  std::vector<NameCount> highest_cumulative_value_length;
  std::vector<NameCount> highest_cardinality_labels;
  std::vector<NameCount> highest_cardinality_metric_names;

  int64_t duration_ms() const { return meta.max_time - meta.min_time; }
};

// Analyses the block in `block_dir` (meta.json and index).
std::variant<Analysis, TsdbError> analyze_block(const std::string& block_dir,
                                                const AnalyzeOptions& options);

// The same on an index already in memory (tests, the fuzzer); `meta` gives the time range.
std::variant<Analysis, TsdbError> analyze_index(std::span<const uint8_t> index,
                                                const BlockMeta& meta,
                                                const AnalyzeOptions& options);

}  // namespace caxtool::tsdb
