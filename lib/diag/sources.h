// SPDX-License-Identifier: Apache-2.0
// The text of every file a run read, kept so a diagnostic can show its source line and caret
// without reading the file again (it may have changed, or been stdin).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caxtool::diag {

class Sources {
 public:
  void add(std::string file, std::string text);
  void remove(const std::string& file);
  const std::string* text(const std::string& file) const;
  // The 1-based line `line` of `file`, without its newline; nullopt if unknown.
  std::optional<std::string_view> line(const std::string& file, int line) const;

 private:
  struct File {
    std::string text;
    // Findings come sorted by line, so line() scans forward from the last line it found, with
    // no index to hold (8 MB for a 1M-line file). A request for an earlier line builds the index.
    mutable int last_line = 1;
    mutable size_t last_start = 0;
    mutable std::vector<size_t> line_starts;
  };
  std::map<std::string, File> files_;
};

}  // namespace caxtool::diag
