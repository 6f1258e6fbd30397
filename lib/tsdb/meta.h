// SPDX-License-Identifier: Apache-2.0
// A block's meta.json (tsdb/block.go BlockMeta): its ULID, time range and statistics. The
// analysis prints the series count from here, as promtool does, not from the index.
#pragma once

#include <cstdint>
#include <string>
#include <variant>

#include "tsdb/error.h"

namespace caxtool::tsdb {

struct BlockMeta {
  std::string ulid;
  int64_t min_time = 0;  // milliseconds, inclusive
  int64_t max_time = 0;  // milliseconds, exclusive
  uint64_t num_samples = 0;
  uint64_t num_series = 0;
  uint64_t num_chunks = 0;
  uint64_t num_tombstones = 0;
  int compaction_level = 0;
  int version = 0;  // of meta.json itself; Prometheus reads only 1
};

// Parses meta.json text; errors name the file but not the block.
std::variant<BlockMeta, TsdbError> parse_meta(const std::string& text);

// Reads <block_dir>/meta.json.
std::variant<BlockMeta, TsdbError> read_meta(const std::string& block_dir);

}  // namespace caxtool::tsdb
