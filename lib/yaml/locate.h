// SPDX-License-Identifier: Apache-2.0
// Maps an offset inside a scalar's value (say, where a PromQL parse error is) back to the line
// and column in the file, through quotes, escapes, block indentation and line folding.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace caxtool::yaml {

class SourceIndex {
 public:
  explicit SourceIndex(std::string_view text);
  // Byte offset of a (line, character column) mark; the end of the text if out of range.
  size_t offset_of(Mark m) const;
  Mark mark_of(size_t offset) const;
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::vector<uint32_t> line_starts_;  // rule files stay far below 4 GiB; halves the index
};

// The position in the source of byte `value_offset` of `scalar.value`. Exact for plain and
// quoted one-line scalars and for literal blocks; close for folded text with escapes.
Mark locate_in_scalar(const Node& scalar, const SourceIndex& source, size_t value_offset);

}  // namespace caxtool::yaml
