// SPDX-License-Identifier: Apache-2.0
// /api/v1/query and /api/v1/query_range results, read into rows a table, CSV or JSON can print:
// vector, matrix, scalar and string, float and native-histogram samples alike.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "promapi/api.h"

namespace caxtool::promapi {

struct Sample {
  double time = 0;         // Unix seconds
  std::string_view value;  // as the server wrote it ("1.5", "NaN"); empty for a histogram
  std::string histogram;   // "count=10 sum=3.5 (0.5,1]:3 (1,2]:7" for a native histogram
};

struct Series {
  std::vector<std::pair<std::string_view, std::string_view>> labels;  // sorted, __name__ first
  std::vector<Sample> samples;
};

struct QueryResult {
  std::unique_ptr<Document> doc;
  std::string_view result_type;  // vector, matrix, scalar, string
  std::vector<Series> series;    // scalar and string: one series without labels
};

std::variant<QueryResult, ApiError> read_query_result(std::unique_ptr<Document> doc);

// {__name__="up", job="x"} as PromQL writes a series.
std::string series_name(const Series& s);

}  // namespace caxtool::promapi
