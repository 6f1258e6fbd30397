// SPDX-License-Identifier: Apache-2.0
// Reads a TSDB block index (tsdb/docs/format/index.md): header, TOC, symbol table, series
// entries, postings lists and the postings offset table, for format versions 1, 2 and 3. It
// holds no copy of the file, only the symbol offsets, and checks every length, offset and CRC32
// it meets: a corrupt index gives a TsdbError naming the byte, never an out-of-bounds read.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "tsdb/decbuf.h"
#include "tsdb/error.h"

namespace caxtool::tsdb {

inline constexpr uint32_t kIndexMagic = 0xBAAAD700;
inline constexpr uint64_t kTocSize = 6 * 8 + 4;

// Where each section starts; 0 when absent.
struct Toc {
  uint64_t symbols = 0;
  uint64_t series = 0;
  uint64_t label_indices = 0;
  uint64_t label_indices_table = 0;
  uint64_t postings = 0;
  uint64_t postings_table = 0;
};

// One series entry: its labels as dense symbol indices (see IndexReader::symbol), sorted by
// name, and the time span of its chunks.
struct SeriesEntry {
  std::vector<std::pair<uint32_t, uint32_t>> labels;  // (name, value)
  uint64_t chunks = 0;
  int64_t first_min_time = 0;  // of the first chunk
  int64_t last_max_time = 0;   // of the last chunk
};

// A postings list in place: `count` big-endian 4-byte series references at `refs`.
struct PostingsList {
  uint32_t count = 0;
  const uint8_t* refs = nullptr;
  uint32_t at(uint32_t i) const {
    const uint8_t* p = refs + uint64_t{i} * 4;
    return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
  }
};

class IndexReader {
 public:
  // Checks the header, the TOC and the symbol table of the index in `bytes`, which must outlive
  // the reader. Errors have file "index" and an offset; the caller adds the block.
  static std::variant<IndexReader, TsdbError> open(std::span<const uint8_t> bytes);

  int version() const { return version_; }
  const Toc& toc() const { return toc_; }
  std::span<const uint8_t> bytes() const { return bytes_; }

  // Symbols are addressed by their dense index, 0..symbol_count()-1, in sorted order; in
  // version 2 and 3 that is the reference series entries hold, in version 1 they hold offsets.
  size_t symbol_count() const { return symbol_offsets_.size(); }
  std::string_view symbol(uint32_t index) const;
  std::optional<uint32_t> find_symbol(std::string_view s) const;

  // Calls `fn(name, value, postings_offset)` for every entry of the postings offset table (the
  // first is the all-postings key "", ""), after checking the table's CRC. `fn` returns false
  // to stop early.
  std::optional<TsdbError> for_each_postings_entry(
      const std::function<bool(std::string_view, std::string_view, uint64_t)>& fn) const;

  // The postings list at `offset`. With `verify_crc` false only its 8-byte header is read (the
  // count), and its length is checked against the count and the file.
  std::variant<PostingsList, TsdbError> postings(uint64_t offset, bool verify_crc) const;

  // Where the entry of series `ref` starts: ref * 16 from version 2 on, ref itself in version 1.
  uint64_t series_offset(uint64_t ref) const { return version_ == 1 ? ref : ref * 16; }

  // Decodes the series entry at `ref` into `out` (its vectors are reused), checking its CRC.
  // On success returns nullopt and sets `end` to the byte after the entry's CRC.
  std::optional<TsdbError> read_series(uint64_t ref, SeriesEntry& out, uint64_t& end) const;

 private:
  std::optional<uint32_t> symbol_index(uint32_t ref) const;
  std::optional<TsdbError> series_error(uint64_t ref, uint64_t begin, uint64_t len) const;
  TsdbError corrupt(uint64_t offset, std::string message) const;
  TsdbError from(const Decbuf& d, const char* what) const;

  std::span<const uint8_t> bytes_;
  int version_ = 0;
  Toc toc_;
  uint64_t symbols_begin_ = 0;  // first byte of the first symbol
  // Offsets of each symbol's length prefix, relative to symbols_begin_ (the table's length
  // field is 4 bytes, so they fit).
  std::vector<uint32_t> symbol_offsets_;
  uint64_t data_end_ = 0;  // where the TOC starts: no section reaches past it
};

}  // namespace caxtool::tsdb
