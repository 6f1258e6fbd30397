// SPDX-License-Identifier: Apache-2.0
// Finding blocks in a data directory: subdirectories named by a ULID, as Prometheus's
// blockDirs. The newest block is the one with the highest ULID (Prometheus 2.45+'s
// LastBlockID); 2.42 took the highest minTime, which is the same block for blocks that were
// written in time order, as compaction and backfilling write them.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tsdb/error.h"

namespace caxtool::tsdb {

struct BlockDir {
  std::string ulid;  // as the directory is named
  std::string path;  // data_dir/ulid
};

// Whether `name` is a ULID as oklog/ulid's ParseStrict accepts it.
bool is_ulid(std::string_view name);

// The block directories of `data_dir`, sorted by ULID (oldest first). A directory that is
// itself a block (it holds meta.json and its name is a ULID) is its own one block.
std::variant<std::vector<BlockDir>, TsdbError> list_blocks(const std::string& data_dir);

// The block named `ulid` (empty: the newest) among `blocks`, or kNotFound.
std::variant<BlockDir, TsdbError> select_block(const std::vector<BlockDir>& blocks,
                                               const std::string& data_dir,
                                               const std::string& ulid);

}  // namespace caxtool::tsdb
