// SPDX-License-Identifier: Apache-2.0
// The subset parser: one recursive descent over lines and their indentation. Every construct it
// is not sure about makes it give up (fail_), never guess: lib/yaml then decides.
#include "promconfig/fast_yaml.h"

#include <cstring>

namespace caxtool::promconfig {
namespace {

using yaml::Kind;
using yaml::Mark;
using yaml::Node;
using yaml::Style;

bool is_break(char c) { return c == '\n'; }

class Parser {
 public:
  Parser(std::string_view s, const std::function<bool(Node&)>& hook) : s_(s), hook_(hook) {}

  std::optional<Node> run() {
    if (!next_content_line()) return std::nullopt;  // empty: leave it to lib/yaml
    if (indent_ != 0) return std::nullopt;
    Node root = parse_node(0, true);
    if (fail_ || !eof_) return std::nullopt;
    return root;
  }

 private:
  char at(size_t i) const { return i < s_.size() ? s_[i] : '\0'; }
  bool end_of_line(size_t i) const { return i >= s_.size() || is_break(s_[i]); }

  Mark mark(size_t pos) const {
    int col = 1;
    for (size_t i = line_start_; i < pos && i < s_.size(); ++i) {
      if ((static_cast<unsigned char>(s_[i]) & 0xC0) != 0x80) ++col;
    }
    return Mark{line_, col};
  }

  // Moves to the first character of the next line with content; false at the end of the text.
  bool next_content_line() {
    for (;;) {
      if (p_ >= s_.size()) {
        eof_ = true;
        return false;
      }
      size_t q = p_;
      while (q < s_.size() && s_[q] == ' ') ++q;
      char c = at(q);
      if (q >= s_.size()) {
        p_ = q;
        eof_ = true;
        return false;
      }
      if (c == '\n' || c == '#') {
        while (q < s_.size() && s_[q] != '\n') ++q;
        if (q < s_.size()) {
          p_ = q + 1;
          ++line_;
          line_start_ = p_;
          continue;
        }
        p_ = q;
        eof_ = true;
        return false;
      }
      if (q == p_ && (c == '%' || s_.substr(q, 3) == "---" || s_.substr(q, 3) == "...")) {
        fail_ = true;
        eof_ = true;
        return false;
      }
      indent_ = static_cast<int>(q - p_);
      p_ = q;
      return true;
    }
  }

  // After a value: only spaces and a comment may follow on the line; then the next content line.
  void finish_line() {
    size_t q = p_;
    while (q < s_.size() && s_[q] == ' ') ++q;
    if (q < s_.size() && s_[q] == '#') {
      if (q == p_) return fail();  // a comment needs a space before it
      while (q < s_.size() && s_[q] != '\n') ++q;
    }
    if (!end_of_line(q)) return fail();
    if (q < s_.size()) {
      p_ = q + 1;
      ++line_;
      line_start_ = p_;
    } else {
      p_ = q;
    }
    next_content_line();
  }

  void fail() { fail_ = true; }

  bool seq_item_at(size_t i) const {
    return at(i) == '-' && (at(i + 1) == ' ' || end_of_line(i + 1));
  }

  static bool indicator(char c) { return std::strchr("-?:,[]{}#&*!|>'\"%@`", c) != nullptr; }

  Node scalar(size_t begin, size_t end, std::string value, Style style) {
    Node n;
    n.kind = Kind::kScalar;
    n.style = style;
    n.start = mark(begin);
    n.end = mark(end);
    n.value = std::move(value);
    return n;
  }

  // A plain scalar in block context, from p_ to the end of the line or a comment. `key`: it
  // must end in ": " (or ":" at the line's end) and the colon is consumed.
  Node plain(bool key) {
    size_t begin = p_, q = p_;
    char c = at(q);
    if (indicator(c) && !(c == '-' && at(q + 1) != ' ' && !end_of_line(q + 1))) {
      fail();
      return {};
    }
    size_t colon = std::string_view::npos;
    while (!end_of_line(q)) {
      if (s_[q] == ' ' && at(q + 1) == '#') break;
      if (s_[q] == ':' && (at(q + 1) == ' ' || end_of_line(q + 1))) {
        colon = q;
        break;
      }
      ++q;
    }
    if (key != (colon != std::string_view::npos)) {
      fail();
      return {};
    }
    size_t end = q;
    while (end > begin && s_[end - 1] == ' ') --end;
    if (end == begin || (key && end != q)) {
      fail();
      return {};
    }
    Node n = scalar(begin, end, std::string(s_.substr(begin, end - begin)), Style::kPlain);
    p_ = key ? q + 1 : end;
    return n;
  }

  Node quoted() {
    size_t begin = p_;
    char quote = s_[p_++];
    std::string value;
    for (;;) {
      if (end_of_line(p_)) {
        fail();
        return {};
      }
      char c = s_[p_];
      if (quote == '\'' && c == '\'') {
        if (at(p_ + 1) == '\'') {
          value += '\'';
          p_ += 2;
          continue;
        }
        ++p_;
        break;
      }
      if (quote == '"' && c == '"') {
        ++p_;
        break;
      }
      if (quote == '"' && c == '\\') {
        char e = at(p_ + 1);
        const char* from = "\\\"/ntr0";
        const char* to = "\\\"/\n\t\r";
        const char* hit = e != '\0' ? std::strchr(from, e) : nullptr;
        if (hit == nullptr || e == '0') {
          fail();
          return {};
        }
        value += to[hit - from];
        p_ += 2;
        continue;
      }
      value += c;
      ++p_;
    }
    return scalar(begin, p_, std::move(value),
                  quote == '"' ? Style::kDoubleQuoted : Style::kSingleQuoted);
  }

  void skip_spaces() {
    while (at(p_) == ' ') ++p_;
  }

  // A flow item: a flow collection, a quoted scalar or a plain scalar ended by , ] } or ": ".
  Node flow_item() {
    char c = at(p_);
    if (c == '[' || c == '{') return flow_collection();
    if (c == '\'' || c == '"') return quoted();
    if (indicator(c) && !(c == '-' && at(p_ + 1) != ' ')) {
      fail();
      return {};
    }
    size_t begin = p_;
    while (!end_of_line(p_)) {
      char d = s_[p_];
      if (d == ',' || d == '[' || d == ']' || d == '{' || d == '}') break;
      if (d == ':' && (at(p_ + 1) == ' ' || at(p_ + 1) == ',' || at(p_ + 1) == ']' ||
                       at(p_ + 1) == '}' || end_of_line(p_ + 1))) {
        break;
      }
      if (d == ' ' && at(p_ + 1) == '#') break;
      ++p_;
    }
    size_t end = p_;
    while (end > begin && s_[end - 1] == ' ') --end;
    if (end == begin) {
      fail();
      return {};
    }
    return scalar(begin, end, std::string(s_.substr(begin, end - begin)), Style::kPlain);
  }

  Node flow_collection() {
    Node n;
    bool map = s_[p_] == '{';
    n.kind = map ? Kind::kMapping : Kind::kSequence;
    n.style = Style::kFlow;
    n.start = mark(p_);
    char close = map ? '}' : ']';
    ++p_;
    skip_spaces();
    if (at(p_) == close) {
      ++p_;
      n.end = mark(p_);
      return n;
    }
    for (;;) {
      if (fail_) return {};
      if (map) {
        Node k = flow_item();
        if (fail_ || !k.is_scalar() || at(p_) != ':' || at(p_ + 1) != ' ') {
          fail();
          return {};
        }
        add_key(n, std::move(k));
        ++p_;
        skip_spaces();
      }
      Node v = flow_item();
      if (fail_) return {};
      n.children.push_back(std::move(v));
      skip_spaces();
      if (at(p_) == ',') {
        ++p_;
        skip_spaces();
        if (at(p_) == close || end_of_line(p_)) {
          fail();  // a trailing comma, or a collection continued on the next line
          return {};
        }
        continue;
      }
      if (at(p_) == close) {
        ++p_;
        n.end = mark(p_);
        return n;
      }
      fail();
      return {};
    }
  }

  void add_key(Node& map, Node key) {
    if (key.value == "<<") return fail();
    for (size_t i = 0; i < map.children.size(); i += 2) {
      if (map.children[i].value == key.value) return fail();  // lib/yaml reports duplicates
    }
    map.children.push_back(std::move(key));
  }

  // A value after "key: " or "- " on the same line.
  Node inline_value() {
    char c = at(p_);
    Node n = c == '[' || c == '{'    ? flow_collection()
             : c == '\'' || c == '"' ? quoted()
                                     : plain(false);
    if (!fail_) finish_line();
    return n;
  }

  Node parse_node(int indent, bool root) {
    if (seq_item_at(p_)) return parse_seq(indent, false);
    return parse_map(indent, root);
  }

  Node parse_map(int indent, bool root) {
    Node n;
    n.kind = Kind::kMapping;
    n.style = Style::kBlock;
    n.start = mark(p_);
    for (;;) {
      Node k = plain(true);
      if (fail_) return {};
      bool scrape_configs = root && k.value == "scrape_configs";
      add_key(n, std::move(k));
      if (fail_) return {};
      skip_spaces();
      if (end_of_line(p_) || at(p_) == '#') {
        finish_line();
        if (fail_ || eof_) return fail(), Node{};
        if (indent_ > indent) {
          n.children.push_back(seq_item_at(p_) ? parse_seq(indent_, scrape_configs)
                                               : parse_map(indent_, false));
        } else if (indent_ == indent && seq_item_at(p_)) {
          n.children.push_back(parse_seq(indent, scrape_configs));
        } else {
          fail();  // a null value: lib/yaml places it
          return {};
        }
      } else {
        n.children.push_back(inline_value());
      }
      if (fail_) return {};
      if (eof_ || indent_ < indent) break;
      if (indent_ > indent || seq_item_at(p_)) {
        fail();
        return {};
      }
    }
    n.end = mark(p_);
    return n;
  }

  Node parse_seq(int indent, bool scrape_configs) {
    Node n;
    n.kind = Kind::kSequence;
    n.style = Style::kBlock;
    n.start = mark(p_);
    for (;;) {
      ++p_;  // the '-'
      skip_spaces();
      Node item;
      if (end_of_line(p_) || at(p_) == '#') {
        finish_line();
        if (fail_ || eof_ || indent_ <= indent) return fail(), Node{};
        item = parse_node(indent_, false);
      } else if (seq_item_at(p_)) {
        return fail(), Node{};
      } else if (at(p_) == '[' || at(p_) == '{' || at(p_) == '\'' || at(p_) == '"' ||
                 !looks_like_key()) {
        item = inline_value();
      } else {
        int col = static_cast<int>(p_ - line_start_);
        item = parse_map(col, false);
      }
      if (fail_) return {};
      if (scrape_configs && item.is_mapping() && hook_ && hook_(item)) {
        Node placeholder;
        placeholder.tag = "!caxtool/taken";
        placeholder.start = item.start;
        placeholder.end = item.end;
        item = std::move(placeholder);
      }
      n.children.push_back(std::move(item));
      if (eof_ || indent_ < indent || !seq_item_at(p_)) break;
      if (indent_ > indent) return fail(), Node{};
    }
    n.end = mark(p_);
    return n;
  }

  bool looks_like_key() const {
    for (size_t q = p_; !end_of_line(q); ++q) {
      if (s_[q] == ' ' && at(q + 1) == '#') return false;
      if (s_[q] == ':' && (at(q + 1) == ' ' || end_of_line(q + 1))) return true;
    }
    return false;
  }

  std::string_view s_;
  const std::function<bool(Node&)>& hook_;
  size_t p_ = 0;
  size_t line_start_ = 0;
  int line_ = 1;
  int indent_ = 0;
  bool eof_ = false;
  bool fail_ = false;
};

}  // namespace

std::optional<yaml::Node> parse_simple_yaml(
    std::string_view text, const std::function<bool(yaml::Node&)>& on_scrape_config) {
  if (text.find_first_of("\t\r") != std::string_view::npos) return std::nullopt;
  if (!text.empty() && static_cast<unsigned char>(text[0]) == 0xEF) return std::nullopt;  // BOM
  Parser parser(text, on_scrape_config);
  return parser.run();
}

}  // namespace caxtool::promconfig
