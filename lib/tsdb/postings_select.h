// SPDX-License-Identifier: Apache-2.0
// Which series a selector picks, from the postings alone, as Prometheus's PostingsForMatchers:
// a series is selected when every matcher accepts its value of the matcher's label ("" when
// the series has no such label). Only the series entries of the selected series are read after.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "tsdb/index_reader.h"
#include "tsdb/selector.h"

namespace caxtool::tsdb {

// The sorted references of the selected series, or the error met reading postings.
std::optional<TsdbError> select_series(const IndexReader& index,
                                       const std::vector<LabelMatcher>& matchers,
                                       std::vector<uint32_t>& refs);

}  // namespace caxtool::tsdb
