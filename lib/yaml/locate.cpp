// SPDX-License-Identifier: Apache-2.0
// A greedy walk: value bytes are matched against source bytes, skipping what YAML removes
// (quotes, escape backslashes, indentation, folded line breaks). It cannot go wrong by more
// than the rest of the line, and never past the scalar's end.
#include "yaml/locate.h"

#include <algorithm>

namespace caxtool::yaml {

const std::vector<uint32_t>& SourceIndex::lines() const {
  // Asked once per finding: the flag spares each call call_once's slower path.
  if (ready_.load(std::memory_order_acquire)) return line_starts_;
  std::call_once(built_, [this] {
    line_starts_.push_back(0);
    size_t line = 1;
    for (size_t nl = text_.find('\n'); nl != std::string_view::npos;
         nl = text_.find('\n', nl + 1)) {
      if (line++ % kStride == 0) line_starts_.push_back(static_cast<uint32_t>(nl + 1));
    }
    line_starts_.shrink_to_fit();
    ready_.store(true, std::memory_order_release);
  });
  return line_starts_;
}

size_t SourceIndex::offset_of(Mark m) const {
  const std::vector<uint32_t>& line_starts = lines();
  if (m.line < 1) return text_.size();
  auto index = static_cast<size_t>(m.line - 1);
  if (index / kStride >= line_starts.size()) return text_.size();
  size_t pos = line_starts[index / kStride];
  for (size_t skip = index % kStride; skip > 0; --skip) {
    size_t nl = text_.find('\n', pos);
    if (nl == std::string_view::npos) return text_.size();  // past the last line
    pos = nl + 1;
  }
  for (int c = 1; c < m.column && pos < text_.size() && text_[pos] != '\n'; ++c) {
    ++pos;
    while (pos < text_.size() && (static_cast<unsigned char>(text_[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

Mark SourceIndex::mark_of(size_t offset) const {
  offset = std::min(offset, text_.size());
  const std::vector<uint32_t>& line_starts = lines();
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), static_cast<uint32_t>(offset));
  auto block = static_cast<size_t>(it - line_starts.begin()) - 1;
  size_t line = block * kStride + 1;
  size_t start = line_starts[block];
  for (size_t nl = text_.find('\n', start); nl != std::string_view::npos && nl < offset;
       nl = text_.find('\n', nl + 1)) {
    ++line;
    start = nl + 1;
  }
  int column = 1;
  for (size_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
  }
  return Mark{static_cast<int>(line), column};
}

Mark locate_in_scalar(const Node& scalar, const SourceIndex& source, size_t value_offset) {
  std::string_view text = source.text();
  size_t src = source.offset_of(scalar.start);
  size_t end = std::max(src, source.offset_of(scalar.end));
  const std::string& value = scalar.value;
  value_offset = std::min(value_offset, value.size());
  // An error at the very end ("unexpected end of input") belongs after the last character, not
  // on the line after a block scalar's trailing newline.
  size_t last = value.find_last_not_of(" \t\r\n");
  if (last != std::string::npos && value_offset > last + 1) value_offset = last + 1;
  bool quoted = scalar.style == Style::kSingleQuoted || scalar.style == Style::kDoubleQuoted;
  if (quoted) {
    ++src;
  } else if (scalar.style == Style::kLiteral || scalar.style == Style::kFolded) {
    while (src < end && text[src] != '\n') ++src;  // the |, > header line
  }
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  for (size_t v = 0; v < value_offset && src < end; ++v) {
    char want = value[v];
    if (is_space(want)) {
      // Folding and indentation: one value space may stand for a run of source whitespace.
      if (src < end && is_space(text[src])) {
        ++src;
        while (src < end && is_space(text[src]) &&
               !(v + 1 < value.size() && is_space(value[v + 1]) && text[src] == value[v + 1])) {
          ++src;
        }
      }
      continue;
    }
    // Skip what YAML removed before this byte: indentation, quotes doubled, escape backslashes.
    size_t guard = 0;
    while (src < end && text[src] != want && guard++ < 256) ++src;
    if (src < end) ++src;
  }
  while (src < end && (text[src] == '\n' || text[src] == ' ') && value_offset < value.size() &&
         !is_space(value[value_offset])) {
    ++src;  // land on the character, not the indentation before it
  }
  return source.mark_of(std::min(src, end));
}

}  // namespace caxtool::yaml
