// SPDX-License-Identifier: Apache-2.0
// One-line flow collections for the fast reader: `[a, 'b']` and `{k: v}`, nested, as rule
// files write labels and prometheus.yml writes targets. A collection that goes on past its line,
// a trailing comma, an empty value or a ':' libyaml would read otherwise makes it decline.
#include <cstring>

#include "yaml/fast_reader.h"

namespace caxtool::yaml::detail {

bool FastReader::flow(Node& n) {
  if (++depth_ > kMaxDepth) return fail();
  bool map = s_[p_] == '{';
  char close = map ? '}' : ']';
  n.kind = map ? Kind::kMapping : Kind::kSequence;
  n.style = Style::kFlow;
  n.start = mark(p_);
  ++p_;
  skip_spaces();
  if (at(p_) != close) {
    for (;;) {
      if (map) {
        size_t ki = n.children.size(), kb = p_;
        if (!flow_scalar(child(n), true)) return fail();
        if (at(p_) != ':' || at(p_ + 1) != ' ' || p_ - kb > kMaxKeyLength || !new_key(n, ki)) {
          return fail();
        }
        ++p_;
        skip_spaces();
      }
      Node& v = child(n);
      bool ok = at(p_) == '[' || at(p_) == '{' ? flow(v) : flow_scalar(v, false);
      if (!ok) return fail();
      skip_spaces();
      if (at(p_) == ',') {
        ++p_;
        skip_spaces();
        if (at(p_) == close || eol(p_)) return fail();  // a trailing comma, or a next line
        continue;
      }
      if (at(p_) == close) break;
      return fail();
    }
  }
  ++p_;
  n.end = mark(p_);
  --depth_;
  return true;
}

// A quoted or plain scalar inside a flow collection, up to , ] } or a key's ':'.
bool FastReader::flow_scalar(Node& n, bool is_key) {
  char c = at(p_);
  if (c == '\'' || c == '"') return quoted(n);
  if (eol(p_)) return fail();
  if (indicator(c) && (c != '-' || std::strchr(" ,[]{}", at(p_ + 1)) != nullptr || eol(p_ + 1))) {
    return fail();
  }
  size_t b = p_;
  for (; !eol(p_); ++p_) {
    char d = s_[p_];
    if (d == ',' || d == '[' || d == ']' || d == '{' || d == '}') break;
    if (d == ':') {
      char x = at(p_ + 1);
      if (x == ' ' || eol(p_ + 1)) {
        if (!is_key) return fail();
        break;
      }
      if (std::strchr(",?[]{}", x) != nullptr) return fail();
    }
    if (d == '#' && s_[p_ - 1] == ' ') return fail();  // a comment: the collection goes on
  }
  size_t end = p_;
  while (end > b && s_[end - 1] == ' ') --end;
  if (end == b) return fail();
  n.kind = Kind::kScalar;
  n.style = Style::kPlain;
  n.start = mark(b);
  n.end = mark(end);
  n.value.assign(s_.data() + b, end - b);
  return true;
}

}  // namespace caxtool::yaml::detail
