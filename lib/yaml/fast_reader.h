// SPDX-License-Identifier: Apache-2.0
// The fast reader's inside, shared by its parts: fast_parse.cpp (the text check, the cursor,
// the completion hook), fast_block.cpp (block mappings and sequences), fast_scalar.cpp (plain
// and quoted scalars), fast_block_scalar.cpp (| and >) and fast_flow.cpp ([...] and {...}).
// Every method returns false to decline; nothing here guesses.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "yaml/node.h"

namespace caxtool::yaml::detail {

class FastReader {
 public:
  FastReader(std::string_view text, const ParseOptions& options, std::vector<bool>& answers)
      : s_(text), options_(options), answers_(answers) {}
  bool run(Node& root);

 private:
  // Deeper nesting is no file anyone writes (libyaml stops at 512).
  static constexpr int kMaxDepth = 128;
  // libyaml forgets a possible implicit key 1,024 characters on; shorter is safe in bytes too.
  static constexpr size_t kMaxKeyLength = 1000;

  // --- the cursor (fast_parse.cpp)
  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  bool eol(size_t i) const { return i >= s_.size() || s_[i] == '\n'; }
  bool blank_or_eol(size_t i) const { return eol(i) || s_[i] == ' '; }
  bool seq_item(size_t i) const { return at(i) == '-' && blank_or_eol(i + 1); }
  size_t line_end(size_t from) const;
  void skip_spaces() {
    while (p_ < s_.size() && s_[p_] == ' ') ++p_;
  }
  bool validate();  // UTF-8, printable, no tab or CR; skips a BOM
  // Columns in code points: counted from the line's start only when the text is not ASCII.
  Mark mark(size_t pos);
  Mark eof_mark(int col);  // the end of a collection at column `col` (0-based) there
  void new_line(size_t break_at);
  bool next_content_line();
  bool finish_line();
  static bool fail() { return false; }

  // --- structure (fast_block.cpp, and the hook in fast_parse.cpp)
  bool block_node(Node& n, int col);
  bool mapping(Node& n, int col);
  bool sequence(Node& n, int col, bool indentless);
  bool value_after_key(Node& v, int col);
  bool item_value(Node& item, int col, size_t dash_end);
  bool new_key(const Node& map, size_t key_index);
  Node& child(Node& parent);
  size_t key_colon(size_t pos) const;
  bool safe_next();
  bool complete(Node& n);
  bool offer_tree(Node& n);  // a flow collection: its inner collections first, as libyaml does
  bool offer(Node& n);

  // --- scalars and flow collections (fast_scalar.cpp, fast_block_scalar.cpp, fast_flow.cpp)
  static bool indicator(char c);
  bool plain_start(size_t i) const;
  bool key(Node& k);
  bool plain_value(Node& n);
  bool quoted(Node& n);
  bool double_quoted_slow(size_t from, size_t line_end, std::string& out);
  bool block_scalar(Node& n, int parent_indent);
  void block_breaks(int& indent, std::string& breaks, Mark& end, int parent_indent);
  bool flow(Node& n);
  bool flow_scalar(Node& n, bool is_key);

  std::string_view s_;
  const ParseOptions& options_;
  std::vector<bool>& answers_;
  std::vector<std::string_view> path_;
  size_t p_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
  int indent_ = 0;  // of the current content line
  bool eof_ = false;
  bool ascii_ = true;
  size_t col_line_ = static_cast<size_t>(-1), col_pos_ = 0;  // mark()'s cache
  int col_ = 1;
  size_t nodes_ = 0;
  int depth_ = 0;
};

}  // namespace caxtool::yaml::detail
