// SPDX-License-Identifier: Apache-2.0
// Block mappings and sequences for the fast reader: a recursive descent over content lines,
// where a collection lasts while lines keep its column. Values are built in their parent's
// slot, and each nested collection is offered to the completion hook once the next token is
// known, in the order libyaml completes them.
#include "yaml/fast_reader.h"

namespace caxtool::yaml::detail {
namespace {

void empty_scalar(Node& n, Mark at) {
  n.kind = Kind::kScalar;
  n.style = Style::kPlain;
  n.start = n.end = at;
}

}  // namespace

bool FastReader::run(Node& root) {
  if (!validate()) return fail();
  // A leading `---` (with nothing but a comment after it) starts the one document.
  size_t q = p_;
  if (s_.compare(q, 3, "---") == 0 && blank_or_eol(q + 3)) {
    p_ = q + 3;
    if (!finish_line()) return fail();
  } else if (!next_content_line()) {
    return fail();
  }
  if (eof_) return fail();  // no content: libyaml says what that is
  ++nodes_;
  return block_node(root, indent_) && eof_ && nodes_ <= options_.max_nodes;
}

// A collection whose first token starts the current content line, at column `col` (0-based).
bool FastReader::block_node(Node& n, int col) {
  if (seq_item(p_)) return sequence(n, col, false);
  if (key_colon(p_) == std::string_view::npos) return fail();  // a scalar on its own line
  return mapping(n, col);
}

bool FastReader::mapping(Node& n, int col) {
  if (++depth_ > kMaxDepth) return fail();
  n.kind = Kind::kMapping;
  n.style = Style::kBlock;
  n.start = mark(p_);
  n.children.reserve(8);
  for (;;) {
    size_t ki = n.children.size();
    if (!key(child(n)) || !new_key(n, ki)) return fail();
    Node& v = child(n);
    path_.push_back(n.children[ki].value);
    bool ok = value_after_key(v, col);
    path_.pop_back();
    if (!ok) return fail();
    if (eof_ || indent_ < col) break;
    if (indent_ > col || seq_item(p_)) return fail();
  }
  n.end = eof_ ? eof_mark(col) : mark(p_);
  --depth_;
  return true;
}

bool FastReader::sequence(Node& n, int col, bool indentless) {
  if (++depth_ > kMaxDepth) return fail();
  n.kind = Kind::kSequence;
  n.style = Style::kBlock;
  n.start = mark(p_);
  for (;;) {
    size_t dash_end = ++p_;
    skip_spaces();
    Node& item = child(n);
    path_.push_back("#");
    bool ok = item_value(item, col, dash_end);
    path_.pop_back();
    if (!ok) return fail();
    if (eof_ || indent_ < col) break;
    if (indent_ > col) return fail();
    if (!seq_item(p_)) {
      if (indentless) break;  // the next key of the mapping the sequence is a value of
      return fail();
    }
  }
  n.end = eof_ ? eof_mark(col) : mark(p_);
  --depth_;
  return true;
}

// After `key:`, the value on the same line or the collection on the lines below.
bool FastReader::value_after_key(Node& v, int col) {
  size_t colon_end = p_;
  skip_spaces();
  if (eol(p_) || s_[p_] == '#') {
    Mark at = mark(colon_end);
    p_ = colon_end;
    if (!finish_line()) return fail();
    if (!eof_ && indent_ > col) return block_node(v, indent_) && complete(v);
    if (!eof_ && indent_ == col && seq_item(p_)) return sequence(v, col, true) && complete(v);
    empty_scalar(v, at);
    return true;
  }
  switch (s_[p_]) {
    case '|':
    case '>':
      return block_scalar(v, col);
    case '[':
    case '{':
      return flow(v) && finish_line() && (!options_.on_completed || (safe_next() && offer_tree(v)));
    case '\'':
    case '"':
      return quoted(v) && finish_line();
    default:
      return plain_value(v) && finish_line();
  }
}

// After `-`, the item on the same line (a scalar, or a compact mapping) or the lines below.
bool FastReader::item_value(Node& item, int col, size_t dash_end) {
  if (eol(p_) || s_[p_] == '#') {
    Mark at = mark(dash_end);
    p_ = dash_end;
    if (!finish_line()) return fail();
    if (!eof_ && indent_ > col) return block_node(item, indent_) && complete(item);
    empty_scalar(item, at);
    return true;
  }
  switch (s_[p_]) {
    case '|':
    case '>':
      return block_scalar(item, col);
    case '[':
    case '{':
      return flow(item) && finish_line() &&
             (!options_.on_completed || (safe_next() && offer_tree(item)));
    default:
      break;
  }
  if (seq_item(p_)) return fail();  // "- - a": libyaml
  if (key_colon(p_) != std::string_view::npos) {
    return mapping(item, static_cast<int>(p_ - line_start_)) && complete(item);
  }
  if (s_[p_] == '\'' || s_[p_] == '"') return quoted(item) && finish_line();
  return plain_value(item) && finish_line();
}

}  // namespace caxtool::yaml::detail
