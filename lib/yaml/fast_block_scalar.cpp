// SPDX-License-Identifier: Apache-2.0
// Block scalars (| and >, with chomping and indentation indicators) for the fast reader. This
// follows libyaml's scan_block_scalar and scan_block_scalar_breaks step by step: how empty and
// more-indented lines fold, where the indentation is detected, and where the token ends (after
// the trailing empty lines) are where YAML readers differ, and the tree must be libyaml's.
#include <algorithm>

#include "yaml/fast_reader.h"

namespace caxtool::yaml::detail {

// Eats indentation and empty lines, counting the breaks; detects the indentation if unknown.
void FastReader::block_breaks(int& indent, std::string& breaks, Mark& end, int parent_indent) {
  int max_indent = 0;
  end = mark(p_);
  for (;;) {
    while ((indent == 0 || static_cast<int>(p_ - line_start_) < indent) && at(p_) == ' ') ++p_;
    max_indent = std::max(max_indent, static_cast<int>(p_ - line_start_));
    if (p_ >= s_.size() || s_[p_] != '\n') break;
    breaks += '\n';
    new_line(p_);
    end = mark(p_);
  }
  if (indent == 0) indent = std::max({max_indent, parent_indent + 1, 1});
}

bool FastReader::block_scalar(Node& n, int parent_indent) {
  bool literal = s_[p_] == '|';
  n.kind = Kind::kScalar;
  n.style = literal ? Style::kLiteral : Style::kFolded;
  n.start = mark(p_);
  ++p_;
  int chomping = 0, increment = 0;
  auto chomp = [&] {
    if (at(p_) != '+' && at(p_) != '-') return false;
    chomping = at(p_++) == '+' ? 1 : -1;
    return true;
  };
  auto digit = [&] {
    if (at(p_) < '0' || at(p_) > '9') return true;
    if (at(p_) == '0') return false;  // libyaml: an indentation indicator of 0
    increment = at(p_++) - '0';
    return true;
  };
  if (chomp()) {
    if (!digit()) return fail();
  } else {
    if (!digit()) return fail();
    chomp();
  }
  skip_spaces();
  if (at(p_) == '#') p_ = line_end(p_);
  if (!eol(p_)) return fail();
  if (p_ < s_.size()) new_line(p_);
  int indent = increment == 0 ? 0 : parent_indent >= 0 ? parent_indent + increment : increment;
  std::string trailing;
  Mark end;
  block_breaks(indent, trailing, end, parent_indent);
  std::string& value = n.value;
  bool leading_break = false, leading_blank = false;
  while (p_ < s_.size() && static_cast<int>(p_ - line_start_) == indent) {
    bool trailing_blank = s_[p_] == ' ';
    if (!literal && leading_break && !leading_blank && !trailing_blank) {
      if (trailing.empty()) value += ' ';  // lines joined by folding
    } else if (leading_break) {
      value += '\n';
    }
    leading_break = false;
    value += trailing;
    trailing.clear();
    leading_blank = trailing_blank;
    size_t e = line_end(p_);
    value.append(s_.data() + p_, e - p_);
    p_ = e;
    if (p_ < s_.size()) {
      leading_break = true;
      new_line(p_);
    }
    block_breaks(indent, trailing, end, parent_indent);
  }
  if (chomping != -1 && leading_break) value += '\n';
  if (chomping == 1) value += trailing;
  n.end = end;
  // Less indented (or the end): the next token, which may be past comment lines.
  if (p_ >= s_.size()) {
    p_ = s_.size();
    eof_ = true;
    return true;
  }
  p_ = line_start_;
  return next_content_line();
}

}  // namespace caxtool::yaml::detail
