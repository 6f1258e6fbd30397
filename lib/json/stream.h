// SPDX-License-Identifier: Apache-2.0
// An incremental JSON reader: bytes go in as they arrive from the network, events come out, and
// nothing but the current string is held. It exists for /api/v1/series, whose answer for a
// million series is several hundred MB that must never sit in memory whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caxtool::json {

class Handler {
 public:
  virtual ~Handler() = default;
  virtual void start_object() {}
  virtual void end_object() {}
  virtual void start_array() {}
  virtual void end_array() {}
  virtual void key(std::string_view) {}
  virtual void string(std::string_view) {}
  virtual void scalar(std::string_view) {}  // a number, true, false or null, as written
};

class StreamReader {
 public:
  explicit StreamReader(Handler& handler) : handler_(handler) {}

  // Feeds the next bytes; false on a syntax error (see error()). Events for complete tokens are
  // delivered before it returns.
  bool feed(std::string_view chunk);
  // The input has ended: false unless exactly one complete value was read.
  bool finish();

  const std::string& error() const { return error_; }
  uint64_t offset() const { return offset_; }  // bytes consumed, for messages
  size_t depth() const { return stack_.size(); }

 private:
  enum class Expect : uint8_t {
    kValue,
    kFirstValueOrEnd,
    kKey,
    kFirstKeyOrEnd,
    kColon,
    kCommaOrEnd,
    kDone
  };
  enum class Lex : uint8_t { kNone, kString, kEscape, kUnicode, kScalar };

  bool fail(std::string message);
  bool begin_value(char c);
  bool end_value();
  bool close(char c);
  bool finish_scalar();
  bool finish_string();
  bool append_unicode();

  Handler& handler_;
  std::vector<char> stack_;  // '{' or '['
  Expect expect_ = Expect::kValue;
  Lex lex_ = Lex::kNone;
  bool string_is_key_ = false;
  std::string buf_;
  uint32_t unicode_ = 0;
  int unicode_digits_ = 0;
  uint32_t high_surrogate_ = 0;
  std::string error_;
  uint64_t offset_ = 0;
  static constexpr size_t kMaxDepth = 512;
};

}  // namespace caxtool::json
