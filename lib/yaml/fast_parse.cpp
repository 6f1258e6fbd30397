// SPDX-License-Identifier: Apache-2.0
// The fast reader's block structure: one pass over lines and their indentation, building nodes
// in place (no moves), with line and column kept incrementally. The marks follow libyaml's
// tokens: a block collection starts at its first key or dash and ends where the next token
// starts (the line after the last one at the end of the text); an empty value sits just after
// its ':' or '-'.
#include "yaml/fast_parse.h"

#include <cstdint>
#include <cstring>

#include "yaml/fast_reader.h"

namespace caxtool::yaml {
namespace detail {
namespace {

// More keys in one mapping is no file anyone writes (and duplicate checks would get slow).
constexpr size_t kMaxKeys = 256;

}  // namespace

size_t FastReader::line_end(size_t from) const {
  const void* nl =
      from < s_.size() ? std::memchr(s_.data() + from, '\n', s_.size() - from) : nullptr;
  return nl ? static_cast<size_t>(static_cast<const char*>(nl) - s_.data()) : s_.size();
}

// libyaml's reader rejects (or treats as line breaks) what this declines, anywhere in the text
// and before the parser gets there, so the whole text is checked first.
bool FastReader::validate() {
  const auto* b = reinterpret_cast<const unsigned char*>(s_.data());
  size_t n = s_.size(), i = 0;
  if (n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) i = p_ = line_start_ = 3;
  constexpr uint64_t k01 = 0x0101010101010101ULL, k80 = 0x8080808080808080ULL;
  size_t block_end = 0;  // bytes before it are checked one by one
  while (i < n) {
    if (i >= block_end && i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, b + i, 8);
      // Per-byte masks, exact (no carries) once no byte has its top bit: below 0x20, a line
      // break, DEL. Printable ASCII and line breaks only: most of a file, 8 bytes at a time.
      if ((w & k80) == 0) {
        uint64_t control = ~(w + k01 * 0x60) & k80;
        uint64_t line_break = ~((w ^ (k01 * 0x0A)) + k01 * 0x7F) & k80;
        uint64_t del = ~((w ^ (k01 * 0x7F)) + k01 * 0x7F) & k80;
        if (((control & ~line_break) | del) == 0) {
          i += 8;
          continue;
        }
      }
      block_end = i + 8;
    }
    unsigned char c = b[i];
    if ((c >= 0x20 && c < 0x7F) || c == '\n') {
      ++i;
      continue;
    }
    if (c < 0x80) return fail();  // control characters, tab, CR, DEL
    ascii_ = false;
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c < 0xC2 || c > 0xF4 || i + len > n) return fail();
    uint32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (size_t k = 1; k < len; ++k) {
      if ((b[i + k] & 0xC0) != 0x80) return fail();
      cp = (cp << 6) | (b[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF))) return fail();
    // Printable for YAML 1.1, and no NEL, LS, PS (line breaks there) or BOM inside the text.
    bool ok = (cp >= 0xA0 && cp <= 0xD7FF && cp != 0x2028 && cp != 0x2029) ||
              (cp >= 0xE000 && cp <= 0xFFFD && cp != 0xFEFF) || cp >= 0x10000;
    if (!ok) return fail();
    i += len;
  }
  return true;
}

Mark FastReader::mark(size_t pos) {
  if (ascii_) return Mark{line_, static_cast<int>(pos - line_start_) + 1};
  if (col_line_ != line_start_ || pos < col_pos_) {
    col_line_ = col_pos_ = line_start_;
    col_ = 1;
  }
  for (; col_pos_ < pos; ++col_pos_) {
    if ((static_cast<unsigned char>(s_[col_pos_]) & 0xC0) != 0x80) ++col_;
  }
  return Mark{line_, col_};
}

// At the end of the text, libyaml first closes the collections indented deeper than where the
// last line ends (there), then moves to the start of a new line and closes the rest.
Mark FastReader::eof_mark(int col) {
  if (line_start_ == s_.size()) return Mark{line_, 1};
  Mark end = mark(s_.size());
  return end.column - 1 < col ? end : Mark{line_ + 1, 1};
}

void FastReader::new_line(size_t break_at) {
  p_ = line_start_ = break_at + 1;
  ++line_;
}

// From the start of a line: past blank and comment lines to the first token of the next one.
bool FastReader::next_content_line() {
  for (;;) {
    size_t q = p_;
    while (q < s_.size() && s_[q] == ' ') ++q;
    if (q >= s_.size()) {
      p_ = s_.size();
      eof_ = true;
      return true;
    }
    if (s_[q] == '#') q = line_end(q);
    if (q >= s_.size()) {
      p_ = s_.size();
      eof_ = true;
      return true;
    }
    if (s_[q] == '\n') {
      new_line(q);
      continue;
    }
    // Directives and document markers: another document, or its end.
    if (q == p_ &&
        (s_[q] == '%' ||
         ((s_.compare(q, 3, "---") == 0 || s_.compare(q, 3, "...") == 0) && blank_or_eol(q + 3)))) {
      return fail();
    }
    indent_ = static_cast<int>(q - p_);
    p_ = q;
    return true;
  }
}

// After a value: spaces and a comment may end the line; then on to the next token.
bool FastReader::finish_line() {
  size_t q = p_;
  while (q < s_.size() && s_[q] == ' ') ++q;
  if (q < s_.size() && s_[q] == '#') {
    if (q == p_) return fail();
    q = line_end(q);
  }
  if (q >= s_.size()) {
    p_ = s_.size();
    eof_ = true;
    return true;
  }
  if (s_[q] != '\n') return fail();
  new_line(q);
  return next_content_line();
}

Node& FastReader::child(Node& parent) {
  ++nodes_;
  return parent.children.emplace_back();
}

// Where the implicit key starting at `pos` ends in ':' on this line, or npos.
size_t FastReader::key_colon(size_t pos) const {
  size_t q = pos;
  char quote = at(q);
  if (quote == '\'' || quote == '"') {
    for (++q; !eol(q); ++q) {
      if (quote == '"' && s_[q] == '\\') {
        ++q;
      } else if (s_[q] == quote) {
        if (quote == '\'' && at(q + 1) == '\'') {
          ++q;
          continue;
        }
        break;
      }
    }
    if (eol(q)) return std::string_view::npos;
    ++q;
    while (at(q) == ' ') ++q;
    return at(q) == ':' && blank_or_eol(q + 1) ? q : std::string_view::npos;
  }
  for (; !eol(q); ++q) {
    if (s_[q] == ':' && blank_or_eol(q + 1)) return q;
    if (s_[q] == '#' && q > pos && s_[q - 1] == ' ') break;
  }
  return std::string_view::npos;
}

bool FastReader::new_key(const Node& map, size_t key_index) {
  const Node& k = map.children[key_index];
  if (k.style == Style::kPlain && k.value == "<<") return fail();  // merge keys: libyaml
  if (key_index / 2 >= kMaxKeys) return fail();
  for (size_t i = 0; i < key_index; i += 2) {
    if (map.children[i].value == k.value) return fail();  // libyaml reports duplicates
  }
  return true;
}

// The token after a completed collection must scan without error: libyaml reads it before it
// reports the completion, and an error there would mean the completion is never offered. At a
// line's start that is a dash or a key: a scalar without its ':' there is an error libyaml
// reports first (a required simple key).
bool FastReader::safe_next() {
  if (eof_ || seq_item(p_)) return true;
  size_t colon = key_colon(p_);
  if (colon == std::string_view::npos || colon - p_ > kMaxKeyLength) return fail();
  if (s_[p_] != '\'' && s_[p_] != '"') return plain_start(p_);
  size_t keep = p_;
  Node probe;
  bool ok = quoted(probe);
  p_ = keep;
  return ok;
}

bool FastReader::offer(Node& n) {
  bool taken = options_.on_completed(n, path_, 0);
  answers_.push_back(taken);
  if (taken) {
    Mark start = n.start, end = n.end;
    n = Node();
    n.tag = "!caxtool/taken";
    n.start = start;
    n.end = end;
  }
  return true;
}

bool FastReader::complete(Node& n) {
  if (!options_.on_completed) return true;
  return safe_next() && offer(n);
}

bool FastReader::offer_tree(Node& n) {
  if (!options_.on_completed) return true;
  bool map = n.is_mapping();
  for (size_t i = map ? 1 : 0; i < n.children.size(); i += map ? 2 : 1) {
    Node& c = n.children[i];
    if (c.is_scalar()) continue;
    path_.push_back(map ? std::string_view(n.children[i - 1].value) : std::string_view("#"));
    offer_tree(c);
    path_.pop_back();
  }
  return offer(n);
}

}  // namespace detail

FastParseOutcome fast_parse(std::string_view text, const ParseOptions& options) {
  FastParseOutcome out;
  detail::FastReader reader(text, options, out.answers);
  out.handled = reader.run(out.root);
  return out;
}

ParseResult parse_fast_first(std::string_view text, const std::string& file,
                             const ParseOptions& options) {
  FastParseOutcome fast = fast_parse(text, options);
  if (fast.handled) {
    ParseResult r;
    r.documents.emplace_back();
    r.documents.back().root = std::move(fast.root);
    r.documents.back().empty = false;
    return r;
  }
  if (fast.answers.empty()) return parse(text, file, options);
  fast.root = Node();
  // libyaml offers the same completions first, in the same order, on the same trees.
  ParseOptions replay = options;
  size_t next = 0;
  replay.on_completed = [&](Node& node, const std::vector<std::string_view>& path, size_t doc) {
    if (next < fast.answers.size()) return static_cast<bool>(fast.answers[next++]);
    return options.on_completed(node, path, doc);
  };
  return parse(text, file, replay);
}

}  // namespace caxtool::yaml
