// SPDX-License-Identifier: Apache-2.0
// Cardinality of what one target would add before it is ever scraped: an exposition from a file
// or a scrape. The same report as for a server; the fixes are measured by reading the input
// again, which is cheap because a scrape is small.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "cardinality/report.h"

namespace caxtool::cardinality {

using SeriesVisitor =
    std::function<void(const std::vector<std::pair<std::string_view, std::string_view>>&)>;
// Visits every series once per call; returns "" or why the input could not be read.
using SeriesSource = std::function<std::string(const SeriesVisitor&)>;

struct LocalOptions {
  size_t top = 10;
  Budgets budgets;
  size_t max_fixes = 10;
};

std::variant<Report, std::string> analyze_local(const SeriesSource& source, std::string name,
                                                std::string scope, const LocalOptions& options);

// The series of an exposition text (each sample, __name__ as written: a histogram's buckets, _sum
// and _count are series of their own). `content_type` (of a scrape, or "") chooses the format
// with the text's final `# EOF`. A parse error is returned as "FILE:LINE:COL: message".
SeriesSource exposition_source(std::string_view text, std::string file, std::string content_type);

}  // namespace caxtool::cardinality
