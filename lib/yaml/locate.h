// SPDX-License-Identifier: Apache-2.0
// Maps an offset inside a scalar's value (say, where a PromQL parse error is) back to the line
// and column in the file, through quotes, escapes, block indentation and line folding.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace caxtool::yaml {

// Line starts are indexed on first use: most files have no finding that needs a position
// inside a scalar, and indexing 20 MB costs as much as checking a tenth of it.
class SourceIndex {
 public:
  explicit SourceIndex(std::string_view text) : text_(text) {}
  // Byte offset of a (line, character column) mark; the end of the text if out of range.
  size_t offset_of(Mark m) const;
  Mark mark_of(size_t offset) const;
  std::string_view text() const { return text_; }

 private:
  const std::vector<uint32_t>& lines() const;

  std::string_view text_;
  // Where every kStride-th line starts (lines 1, 1 + kStride, ...); the lines between are found
  // by scanning, which costs less than holding 4 bytes for each of a big file's million lines.
  static constexpr size_t kStride = 4;
  mutable std::once_flag built_;  // lines() may first run on a checker thread
  mutable std::atomic<bool> ready_{false};
  mutable std::vector<uint32_t> line_starts_;  // rule files stay far below 4 GiB; halves the index
};

// The position in the source of byte `value_offset` of `scalar.value`. Exact for plain and
// quoted one-line scalars and for literal blocks; close for folded text with escapes.
Mark locate_in_scalar(const Node& scalar, const SourceIndex& source, size_t value_offset);

}  // namespace caxtool::yaml
