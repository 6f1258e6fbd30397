// SPDX-License-Identifier: Apache-2.0
// A JSON tree that remembers where every value was written. The streaming reader (stream.h)
// forgets positions on purpose; linting a file someone edits by hand (a Grafana dashboard) needs
// the opposite: every finding points at a byte range, and --fix edits those bytes in place
// instead of re-serialising, so key order and indentation survive.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace caxtool::json {

enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };

struct Value {
  Type type = Type::kNull;
  size_t begin = 0;  // byte offsets of the value as written, quotes and brackets included
  size_t end = 0;
  std::string text;  // strings: decoded; numbers and booleans: as written
  // Arrays: the items. Objects: the values, in the order written; keys[i] names items[i].
  std::vector<Value> items;
  struct Key {
    std::string name;
    size_t begin = 0, end = 0;  // the quoted key
  };
  std::vector<Key> keys;

  bool is_object() const { return type == Type::kObject; }
  bool is_array() const { return type == Type::kArray; }
  bool is_string() const { return type == Type::kString; }
  bool is_null() const { return type == Type::kNull; }
  // The first member named `key` of an object, or nullptr (also for non-objects).
  const Value* get(std::string_view key) const;
  // The member's string, or "" when absent or not a string.
  std::string_view str(std::string_view key) const;
};

struct ParseError {
  size_t offset = 0;
  std::string message;
};

struct Document {
  Value root;
  std::vector<ParseError> errors;      // the first syntax error stops the parse
  std::vector<ParseError> duplicates;  // a key written twice in one object (second occurrence)
  bool ok() const { return errors.empty(); }
};

inline constexpr size_t kMaxDepth = 256;

Document parse(std::string_view text);

// The offset in `text` of byte `i` of the decoded string `v` (i == v.text.size(): the closing
// quote), for pointing inside a string with escapes.
size_t string_offset(std::string_view text, const Value& v, size_t i);

// One RFC 6901 reference token: ~ as ~0, / as ~1.
std::string pointer_token(std::string_view key);

}  // namespace caxtool::json
