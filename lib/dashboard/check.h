// SPDX-License-Identifier: Apache-2.0
// `caxtool check dashboard`'s library entry point: lint the dashboards in one file and return
// diagnostics (with the JSON pointer of each finding in its message), the byte edits --fix
// would make, and what a cross-file pass needs (uids, metric names).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"
#include "promql/version.h"

namespace caxtool::dashboard {

// A finding to drop: every non-empty field must match. `dashboard` is a uid or a title,
// `panel` a title or an id, `file` a path suffix; `check` empty means every check.
struct Exclusion {
  std::string check;
  std::string dashboard;
  std::string panel;
  std::string file;
  std::optional<int> target;  // index in the panel's targets
};

struct CheckOptions {
  std::set<std::string, std::less<>> lints;  // the checks to run
  promql::ParseOptions promql;
  int64_t scrape_interval_ms = 0;  // 0: unknown, dashboard/refresh does not run
  std::vector<Exclusion> exclusions;
};

// A replacement of bytes [begin, end) of the file.
struct Edit {
  size_t begin = 0, end = 0;
  std::string replacement;
  std::string check;
  std::string description;  // "/panels/3/targets/0/expr: [5m] -> [$__rate_interval]"
};

// Where a name or uid was seen, for findings made after all files are read.
struct Site {
  std::string name;
  diag::Diagnostic where;  // file, line, column filled in; check and message empty
};

struct FileResult {
  diag::Diagnostics diagnostics;
  std::vector<Edit> edits;  // sorted, not overlapping
  size_t dashboards = 0;
  size_t panels = 0;
  size_t queries = 0;
  std::vector<Site> uids;     // every dashboard uid
  std::vector<Site> metrics;  // every metric name a Prometheus query selects
};

FileResult check_file(std::string_view text, const std::string& file, const CheckOptions& options);

// dashboard/duplicate-uid over every file checked together.
void check_duplicate_uids(const std::vector<Site>& uids, diag::Diagnostics& out);

// Applies sorted, non-overlapping edits.
std::string apply_edits(std::string_view text, const std::vector<Edit>& edits);

}  // namespace caxtool::dashboard
