// SPDX-License-Identifier: Apache-2.0
// See table.h. Printing builds each line in one buffer: 100,000 rows must not cost 600,000
// stream insertions with padding loops.
#include "table.h"

#include <algorithm>

namespace caxtool::cli {

namespace {
size_t width(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}
}  // namespace

void Table::print(std::ostream& out) const {
  size_t cols = header_.size();
  std::vector<size_t> widths(cols, 0);
  for (size_t i = 0; i < cols; ++i) widths[i] = width(header_[i]);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < cols && i < row.size(); ++i)
      widths[i] = std::max(widths[i], width(row[i]));
  }
  std::string line;
  auto emit = [&](const std::vector<std::string>& row) {
    line.clear();
    for (size_t i = 0; i < cols; ++i) {
      const std::string& cell = i < row.size() ? row[i] : std::string();
      line += cell;
      if (i + 1 < cols) line.append(widths[i] - width(cell) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    line += '\n';
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
  };
  // A header of empty cells is a key-value list: no header line.
  if (std::any_of(header_.begin(), header_.end(),
                  [](const std::string& h) { return !h.empty(); })) {
    emit(header_);
  }
  for (const auto& row : rows_) emit(row);
}

std::string csv_cell(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace caxtool::cli
