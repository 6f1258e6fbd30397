// SPDX-License-Identifier: Apache-2.0
// An aligned text table (kubectl's, docker's): columns as wide as their widest cell, two spaces
// apart, the last column unpadded. Widths count code points, so UTF-8 labels line up.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace caxtool::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  size_t size() const { return rows_.size(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

// A cell for a CSV file (RFC 4180): quoted when it holds a comma, quote or line break.
std::string csv_cell(std::string_view s);

}  // namespace caxtool::cli
