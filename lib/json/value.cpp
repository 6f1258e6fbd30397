// SPDX-License-Identifier: Apache-2.0
// A recursive-descent JSON parser (RFC 8259, strict: no comments, no trailing commas) that keeps
// byte ranges. Depth is bounded so hostile input cannot exhaust the stack.
#include "json/value.h"

#include <algorithm>
#include <cstdint>

#include "util/utf8.h"

namespace caxtool::json {
namespace {

class Parser {
 public:
  Parser(std::string_view text, Document& doc) : s_(text), doc_(doc) {}

  void run() {
    skip_ws();
    if (!value(doc_.root, 0)) return;
    skip_ws();
    if (pos_ < s_.size()) fail("unexpected " + describe() + " after the top-level value");
  }

 private:
  bool fail(std::string message) {
    if (doc_.errors.empty()) doc_.errors.push_back({pos_, std::move(message)});
    return false;
  }

  std::string describe() const {
    if (pos_ >= s_.size()) return "end of input";
    char c = s_[pos_];
    if (static_cast<unsigned char>(c) < 0x20) return "control character";
    return std::string("'") + c + "'";
  }

  void skip_ws() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }

  bool value(Value& v, size_t depth) {
    if (depth > kMaxDepth) return fail("nested too deeply");
    v.begin = pos_;
    if (pos_ >= s_.size()) return fail("unexpected end of input, expected a value");
    char c = s_[pos_];
    bool ok = false;
    if (c == '{') {
      ok = object(v, depth);
    } else if (c == '[') {
      ok = array(v, depth);
    } else if (c == '"') {
      v.type = Type::kString;
      ok = string(v.text);
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      v.type = Type::kNumber;
      ok = number(v.text);
    } else if (literal("true") || literal("false")) {
      v.type = Type::kBool;
      v.text = std::string(s_.substr(v.begin, pos_ - v.begin));
      ok = true;
    } else if (literal("null")) {
      ok = true;
    } else {
      return fail("unexpected " + describe() + ", expected a value");
    }
    v.end = pos_;
    return ok;
  }

  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool object(Value& v, size_t depth) {
    v.type = Type::kObject;
    ++pos_;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
    for (;;) {
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != '"')
        return fail("unexpected " + describe() + ", expected a key");
      Value::Key key;
      key.begin = pos_;
      if (!string(key.name)) return false;
      key.end = pos_;
      for (const Value::Key& k : v.keys) {
        if (k.name == key.name) {
          doc_.duplicates.push_back({key.begin, "key \"" + key.name + "\" appears twice"});
          break;
        }
      }
      skip_ws();
      if (pos_ >= s_.size() || s_[pos_] != ':')
        return fail("unexpected " + describe() + ", expected ':'");
      ++pos_;
      skip_ws();
      v.keys.push_back(std::move(key));
      v.items.emplace_back();
      if (!value(v.items.back(), depth + 1)) return false;
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == '}') return ++pos_, true;
      return fail("unexpected " + describe() + ", expected ',' or '}'");
    }
  }

  bool array(Value& v, size_t depth) {
    v.type = Type::kArray;
    ++pos_;
    skip_ws();
    if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
    for (;;) {
      skip_ws();
      v.items.emplace_back();
      if (!value(v.items.back(), depth + 1)) return false;
      skip_ws();
      if (pos_ < s_.size() && s_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < s_.size() && s_[pos_] == ']') return ++pos_, true;
      return fail("unexpected " + describe() + ", expected ',' or ']'");
    }
  }

  bool number(std::string& out) {
    size_t start = pos_;
    auto digits = [&] {
      size_t from = pos_;
      while (pos_ < s_.size() && s_[pos_] >= '0' && s_[pos_] <= '9') ++pos_;
      return pos_ > from;
    };
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
    } else if (!digits()) {
      return fail("invalid number");
    }
    if (pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (!digits()) return fail("invalid number: expected digits after '.'");
    }
    if (pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (!digits()) return fail("invalid number: expected digits in the exponent");
    }
    out = std::string(s_.substr(start, pos_ - start));
    return true;
  }

  static int hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  bool hex4(uint32_t& out) {
    out = 0;
    for (int i = 0; i < 4; ++i) {
      int h = pos_ < s_.size() ? hex(s_[pos_]) : -1;
      if (h < 0) return fail("invalid \\u escape: expected four hex digits");
      out = out * 16 + static_cast<uint32_t>(h);
      ++pos_;
    }
    return true;
  }

  bool string(std::string& out) {
    ++pos_;  // the opening quote
    for (;;) {
      if (pos_ >= s_.size()) return fail("unterminated string");
      char c = s_[pos_];
      if (c == '"') return ++pos_, true;
      if (static_cast<unsigned char>(c) < 0x20) return fail("control character in a string");
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= s_.size()) return fail("unterminated string");
      char e = s_[pos_++];
      switch (e) {
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case '/':
          out += '/';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          uint32_t cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(pos_, 2) == "\\u") {
            size_t save = pos_;
            pos_ += 2;
            uint32_t lo = 0;
            if (!hex4(lo)) return false;
            if (lo >= 0xDC00 && lo < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              pos_ = save;
              cp = 0xFFFD;
            }
          } else if (cp >= 0xD800 && cp < 0xE000) {
            cp = 0xFFFD;  // a lone surrogate, as Go's decoder replaces it
          }
          util::append_utf8(out, cp);
          break;
        }
        default:
          --pos_;
          return fail(std::string("invalid escape '\\") + e + "' in a string");
      }
    }
  }

  std::string_view s_;
  Document& doc_;
  size_t pos_ = 0;
};

}  // namespace

const Value* Value::get(std::string_view key) const {
  if (type != Type::kObject) return nullptr;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (keys[i].name == key) return &items[i];
  }
  return nullptr;
}

std::string_view Value::str(std::string_view key) const {
  const Value* v = get(key);
  return v != nullptr && v->is_string() ? std::string_view(v->text) : std::string_view();
}

Document parse(std::string_view text) {
  Document doc;
  Parser(text, doc).run();
  return doc;
}

size_t string_offset(std::string_view text, const Value& v, size_t i) {
  size_t pos = v.begin + 1;
  size_t decoded = 0;
  while (pos < v.end && decoded < i) {
    if (text[pos] != '\\') {
      ++pos;
      ++decoded;
      continue;
    }
    char e = pos + 1 < text.size() ? text[pos + 1] : '\0';
    if (e != 'u') {
      pos += 2;
      ++decoded;
      continue;
    }
    // \uXXXX (possibly a surrogate pair) decodes to 1-4 UTF-8 bytes; count them all against it.
    uint32_t cp = 0;
    for (size_t k = pos + 2; k < pos + 6 && k < text.size(); ++k) {
      char c = text[k];
      cp = cp * 16 + static_cast<uint32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    size_t width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
    pos += 6;
    if (cp >= 0xD800 && cp < 0xDC00 && text.substr(pos, 2) == "\\u") {
      pos += 6;
      width = 4;
    }
    decoded += width;
  }
  return std::min(pos, v.end > 0 ? v.end - 1 : v.end);
}

std::string pointer_token(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace caxtool::json
