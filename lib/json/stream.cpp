// SPDX-License-Identifier: Apache-2.0
// See stream.h. A byte-driven state machine; strings are copied span by span (not byte by byte)
// into one reused buffer, so the reader runs at memory speed on the long label values of a
// series answer. Invalid surrogates become U+FFFD, as Go's encoding/json decodes them.
#include "json/stream.h"

#include <cstring>

#include "util/utf8.h"

namespace caxtool::json {

namespace {

bool is_ws(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

bool is_scalar_char(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '+' ||
         c == '-' || c == '.';
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
bool is_number(std::string_view s) {
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!digits()) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!digits()) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!digits()) return false;
  }
  return i == s.size();
}

}  // namespace

bool StreamReader::fail(std::string message) {
  if (error_.empty()) error_ = "invalid JSON at byte " + std::to_string(offset_) + ": " + message;
  expect_ = Expect::kDone;
  return false;
}

bool StreamReader::end_value() {
  expect_ = stack_.empty() ? Expect::kDone : Expect::kCommaOrEnd;
  return true;
}

bool StreamReader::begin_value(char c) {
  switch (c) {
    case '{':
    case '[':
      if (stack_.size() >= kMaxDepth)
        return fail("nested deeper than " + std::to_string(kMaxDepth));
      stack_.push_back(c);
      if (c == '{') {
        handler_.start_object();
        expect_ = Expect::kFirstKeyOrEnd;
      } else {
        handler_.start_array();
        expect_ = Expect::kFirstValueOrEnd;
      }
      return true;
    case '"':
      lex_ = Lex::kString;
      string_is_key_ = false;
      buf_.clear();
      return true;
    default:
      if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
        lex_ = Lex::kScalar;
        buf_.assign(1, c);
        return true;
      }
      return fail(std::string("unexpected '") + c + "'");
  }
}

bool StreamReader::close(char c) {
  char open = c == '}' ? '{' : '[';
  if (stack_.empty() || stack_.back() != open) return fail(std::string("unexpected '") + c + "'");
  stack_.pop_back();
  if (c == '}') {
    handler_.end_object();
  } else {
    handler_.end_array();
  }
  return end_value();
}

bool StreamReader::finish_scalar() {
  lex_ = Lex::kNone;
  if (buf_ != "true" && buf_ != "false" && buf_ != "null" && !is_number(buf_)) {
    return fail("'" + buf_.substr(0, 40) + "' is not a value");
  }
  handler_.scalar(buf_);
  return end_value();
}

bool StreamReader::finish_string() {
  lex_ = Lex::kNone;
  if (high_surrogate_ != 0) {
    util::append_utf8(buf_, 0xFFFD);
    high_surrogate_ = 0;
  }
  if (string_is_key_) {
    handler_.key(buf_);
    expect_ = Expect::kColon;
    return true;
  }
  handler_.string(buf_);
  return end_value();
}

bool StreamReader::append_unicode() {
  uint32_t cp = unicode_;
  if (high_surrogate_ != 0) {
    if (cp >= 0xDC00 && cp <= 0xDFFF) {
      util::append_utf8(buf_, 0x10000 + ((high_surrogate_ - 0xD800) << 10) + (cp - 0xDC00));
      high_surrogate_ = 0;
      return true;
    }
    util::append_utf8(buf_, 0xFFFD);
    high_surrogate_ = 0;
  }
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    high_surrogate_ = cp;
  } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
    util::append_utf8(buf_, 0xFFFD);
  } else {
    util::append_utf8(buf_, cp);
  }
  return true;
}

bool StreamReader::feed(std::string_view chunk) {
  if (!error_.empty()) return false;
  const char* p = chunk.data();
  const char* end = p + chunk.size();
  while (p < end) {
    switch (lex_) {
      case Lex::kString: {
        const char* q = p;
        while (q < end && *q != '"' && *q != '\\' && static_cast<unsigned char>(*q) >= 0x20) ++q;
        if (q > p) {
          if (high_surrogate_ != 0) {
            util::append_utf8(buf_, 0xFFFD);
            high_surrogate_ = 0;
          }
          buf_.append(p, static_cast<size_t>(q - p));
        }
        offset_ += static_cast<uint64_t>(q - p);
        p = q;
        if (p == end) break;
        char c = *p++;
        ++offset_;
        if (c == '"') {
          finish_string();
        } else if (c == '\\') {
          lex_ = Lex::kEscape;
        } else {
          return fail("a control character inside a string");
        }
        break;
      }
      case Lex::kEscape: {
        char c = *p++;
        ++offset_;
        lex_ = Lex::kString;
        if (c == 'u') {
          lex_ = Lex::kUnicode;
          unicode_ = 0;
          unicode_digits_ = 0;
          break;
        }
        const char* from = "\"\\/bfnrt";
        const char* to = "\"\\/\b\f\n\r\t";
        const char* at = std::strchr(from, c);
        if (c == '\0' || at == nullptr) return fail(std::string("bad escape '\\") + c + "'");
        if (high_surrogate_ != 0) {
          util::append_utf8(buf_, 0xFFFD);
          high_surrogate_ = 0;
        }
        buf_ += to[at - from];
        break;
      }
      case Lex::kUnicode: {
        int h = hex_value(*p++);
        ++offset_;
        if (h < 0) return fail("bad \\u escape");
        unicode_ = unicode_ * 16 + static_cast<uint32_t>(h);
        if (++unicode_digits_ == 4) {
          append_unicode();
          lex_ = Lex::kString;
        }
        break;
      }
      case Lex::kScalar:
        if (is_scalar_char(*p)) {
          if (buf_.size() > 64) return fail("a value that is too long");
          buf_ += *p++;
          ++offset_;
        } else if (!finish_scalar()) {
          return false;
        }
        break;
      case Lex::kNone: {
        char c = *p++;
        ++offset_;
        if (is_ws(c)) break;
        bool ok = true;
        switch (expect_) {
          case Expect::kFirstValueOrEnd:
            ok = c == ']' ? close(c) : begin_value(c);
            break;
          case Expect::kValue:
            ok = begin_value(c);
            break;
          case Expect::kFirstKeyOrEnd:
          case Expect::kKey:
            if (c == '"') {
              lex_ = Lex::kString;
              string_is_key_ = true;
              buf_.clear();
            } else if (c == '}' && expect_ == Expect::kFirstKeyOrEnd) {
              ok = close(c);
            } else {
              ok = fail(std::string("expected a key, got '") + c + "'");
            }
            break;
          case Expect::kColon:
            if (c == ':') {
              expect_ = Expect::kValue;
            } else {
              ok = fail(std::string("expected ':', got '") + c + "'");
            }
            break;
          case Expect::kCommaOrEnd:
            if (c == ',') {
              expect_ = stack_.back() == '{' ? Expect::kKey : Expect::kValue;
            } else if (c == '}' || c == ']') {
              ok = close(c);
            } else {
              ok = fail(std::string("expected ',' or a closing bracket, got '") + c + "'");
            }
            break;
          case Expect::kDone:
            ok = fail(std::string("unexpected '") + c + "' after the end");
            break;
        }
        if (!ok) return false;
        break;
      }
    }
    if (!error_.empty()) return false;
  }
  return true;
}

bool StreamReader::finish() {
  if (!error_.empty()) return false;
  if (lex_ == Lex::kScalar && !finish_scalar()) return false;
  if (lex_ != Lex::kNone || expect_ != Expect::kDone) return fail("the document ends early");
  return true;
}

}  // namespace caxtool::json
