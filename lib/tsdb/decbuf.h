// SPDX-License-Identifier: Apache-2.0
// A bounds-checked reader over one section of an index: big-endian integers, varints and
// length-prefixed strings, each checked against the section's end. The first failure sticks
// (later reads return zeros) and remembers the byte offset it happened at, so a decoder reads a
// whole entry and checks once, and no corrupt length or varint can read past the section.
#pragma once

#include <cstdint>
#include <string_view>

namespace caxtool::tsdb {

class Decbuf {
 public:
  Decbuf() = default;
  // Reads base[begin, end); offsets are absolute (into base), for error messages.
  Decbuf(const uint8_t* base, uint64_t begin, uint64_t end) : base_(base), pos_(begin), end_(end) {}

  bool ok() const { return error_ == nullptr; }
  const char* error() const { return error_; }
  uint64_t error_offset() const { return error_offset_; }
  uint64_t pos() const { return pos_; }
  uint64_t end() const { return end_; }
  uint64_t remaining() const { return end_ - pos_; }

  uint32_t be32() {
    if (!need(4)) return 0;
    const uint8_t* p = base_ + pos_;
    pos_ += 4;
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
  }

  uint64_t be64() {
    uint64_t hi = be32();
    return (hi << 32) | be32();
  }

  uint8_t byte() {
    if (!need(1)) return 0;
    return base_[pos_++];
  }

  // Go's binary.Uvarint: at most 10 bytes, and the 10th may only hold the top bit.
  uint64_t uvarint() {
    if (!ok()) return 0;
    uint64_t x = 0;
    unsigned shift = 0;
    for (uint64_t i = pos_; i < end_; ++i) {
      uint8_t b = base_[i];
      if (b < 0x80) {
        if (shift == 63 && b > 1) return fail(pos_, "varint overflows 64 bits");
        pos_ = i + 1;
        return x | (uint64_t{b} << shift);
      }
      if (shift == 63) return fail(pos_, "varint overflows 64 bits");
      x |= uint64_t{b & 0x7Fu} << shift;
      shift += 7;
    }
    return fail(pos_, "varint runs past the end of the section");
  }

  // A uvarint that must fit in 32 bits (symbol references, counts).
  uint32_t uvarint32() {
    uint64_t start = pos_;
    uint64_t v = uvarint();
    if (v > UINT32_MAX) return static_cast<uint32_t>(fail(start, "value does not fit in 32 bits"));
    return static_cast<uint32_t>(v);
  }

  // Zig-zag signed varint, as Go's binary.Varint.
  int64_t varint() {
    uint64_t u = uvarint();
    auto x = static_cast<int64_t>(u >> 1);
    return (u & 1) != 0 ? ~x : x;
  }

  // A uvarint length, then that many bytes.
  std::string_view uvarint_bytes() {
    uint64_t start = pos_;
    uint64_t n = uvarint();
    if (!ok()) return {};
    if (n > remaining()) {
      fail(start, "string length runs past the end of the section");
      return {};
    }
    std::string_view s(reinterpret_cast<const char*>(base_ + pos_), n);
    pos_ += n;
    return s;
  }

  void skip(uint64_t n) {
    if (need(n)) pos_ += n;
  }

  // Records a failure found by the caller (a bad count, an unknown symbol) at `offset`.
  uint64_t fail(uint64_t offset, const char* why) {
    if (error_ == nullptr) {
      error_ = why;
      error_offset_ = offset;
    }
    pos_ = end_;
    return 0;
  }

 private:
  bool need(uint64_t n) {
    if (!ok()) return false;
    if (n > remaining()) {
      fail(pos_, "unexpected end of section");
      return false;
    }
    return true;
  }

  const uint8_t* base_ = nullptr;
  uint64_t pos_ = 0;
  uint64_t end_ = 0;
  const char* error_ = nullptr;
  uint64_t error_offset_ = 0;
};

}  // namespace caxtool::tsdb
