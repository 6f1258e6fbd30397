// SPDX-License-Identifier: Apache-2.0
// TSDB blocks on disk as a source of series for `cardinality --tsdb`: the series section of each
// block's index, read in place. Across several blocks a series is counted once.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "cardinality/local.h"

namespace caxtool::cardinality {

struct TsdbSourceInfo {
  std::vector<std::string> blocks;  // the ULIDs read, oldest first
};

// The newest block of `data_dir` (or the block `ulid`, or every block with `all`). Errors name
// the block and the byte offset.
std::variant<SeriesSource, std::string> tsdb_source(const std::string& data_dir,
                                                    const std::string& ulid, bool all,
                                                    TsdbSourceInfo& info);

}  // namespace caxtool::cardinality
