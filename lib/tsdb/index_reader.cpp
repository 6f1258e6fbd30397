// SPDX-License-Identifier: Apache-2.0
// The index format, decoded with every bound checked. Prometheus's reader (tsdb/index/index.go)
// is the reference for what is accepted; where it truncates silently (a 64-bit symbol
// reference read as 32 bits) this reader calls the index corrupt instead.
#include "tsdb/index_reader.h"

#include <algorithm>
#include <cstdio>
#include <string>

#include "tsdb/crc32c.h"

namespace caxtool::tsdb {

namespace {

uint32_t load_be32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

std::string hex32(uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

}  // namespace

TsdbError IndexReader::corrupt(uint64_t offset, std::string message) const {
  TsdbError e;
  e.kind = TsdbError::Kind::kCorrupt;
  e.file = "index";
  e.offset = offset;
  e.message = std::move(message);
  return e;
}

TsdbError IndexReader::from(const Decbuf& d, const char* what) const {
  return corrupt(d.error_offset(), std::string(what) + ": " + d.error());
}

// A section framed as len(4) | content | CRC32(4): the content, checked, or why not.
static std::variant<Decbuf, std::string> framed(std::span<const uint8_t> bytes, uint64_t off,
                                                uint64_t limit, const char* what,
                                                uint64_t& error_at) {
  error_at = off;
  if (off > limit || limit - off < 4) {
    return std::string(what) + " starts past the end of the data (offset " + std::to_string(off) +
           ", data ends at " + std::to_string(limit) + ")";
  }
  uint64_t len = load_be32(bytes.data() + off);
  if (len > limit - off - 4 || limit - off - 4 - len < 4) {
    return std::string(what) + " of " + std::to_string(len) +
           " bytes runs past the end of the data at " + std::to_string(limit);
  }
  uint64_t begin = off + 4;
  uint32_t stored = load_be32(bytes.data() + begin + len);
  uint32_t computed = crc32c(bytes.data() + begin, len);
  if (stored != computed) {
    return std::string("CRC32 mismatch in ") + what + " (stored " + hex32(stored) + ", computed " +
           hex32(computed) + ")";
  }
  return Decbuf(bytes.data(), begin, begin + len);
}

std::variant<IndexReader, TsdbError> IndexReader::open(std::span<const uint8_t> bytes) {
  IndexReader r;
  r.bytes_ = bytes;
  const uint64_t size = bytes.size();
  if (size < 5) return r.corrupt(0, "file of " + std::to_string(size) + " bytes has no header");
  uint32_t magic = load_be32(bytes.data());
  if (magic != kIndexMagic) {
    return r.corrupt(0, "bad magic number " + hex32(magic) + " (an index starts with 0xbaaad700)");
  }
  r.version_ = bytes[4];
  if (r.version_ < 1 || r.version_ > 3) {
    return r.corrupt(
        4, "unknown index format version " + std::to_string(r.version_) + " (known: 1, 2, 3)");
  }
  if (size < 5 + kTocSize) {
    return r.corrupt(size, "file of " + std::to_string(size) + " bytes is too short for a TOC");
  }
  const uint64_t toc_at = size - kTocSize;
  uint32_t stored = load_be32(bytes.data() + size - 4);
  uint32_t computed = crc32c(bytes.data() + toc_at, kTocSize - 4);
  if (stored != computed) {
    return r.corrupt(toc_at, "CRC32 mismatch in TOC (stored " + hex32(stored) + ", computed " +
                                 hex32(computed) + ")");
  }
  Decbuf t(bytes.data(), toc_at, size - 4);
  uint64_t* fields[] = {&r.toc_.symbols,       &r.toc_.series,
                        &r.toc_.label_indices, &r.toc_.label_indices_table,
                        &r.toc_.postings,      &r.toc_.postings_table};
  const char* names[] = {"symbols",       "series",
                         "label indices", "label offset table",
                         "postings",      "postings offset table"};
  r.data_end_ = toc_at;
  for (size_t i = 0; i < 6; ++i) {
    *fields[i] = t.be64();
    if (*fields[i] >= toc_at) {
      return r.corrupt(toc_at + 8 * i, std::string("TOC entry for ") + names[i] +
                                           " points past the data (offset " +
                                           std::to_string(*fields[i]) + ", data ends at " +
                                           std::to_string(toc_at) + ")");
    }
  }

  uint64_t error_at = 0;
  auto sym = framed(bytes, r.toc_.symbols, r.data_end_, "symbol table", error_at);
  if (auto* why = std::get_if<std::string>(&sym)) return r.corrupt(error_at, *why);
  Decbuf d = std::get<Decbuf>(sym);
  uint32_t count = d.be32();
  r.symbols_begin_ = d.pos();
  // Each symbol takes at least one byte: a larger count is corrupt, and reserving it would let a
  // four-byte field allocate gigabytes.
  if (count > d.remaining()) {
    return r.corrupt(r.symbols_begin_ - 4, "symbol table claims " + std::to_string(count) +
                                               " symbols in " + std::to_string(d.remaining()) +
                                               " bytes");
  }
  r.symbol_offsets_.reserve(count);
  for (uint32_t i = 0; i < count && d.ok(); ++i) {
    r.symbol_offsets_.push_back(static_cast<uint32_t>(d.pos() - r.symbols_begin_));
    d.uvarint_bytes();
  }
  if (!d.ok()) return r.from(d, "symbol table");
  return r;
}

std::string_view IndexReader::symbol(uint32_t index) const {
  if (index >= symbol_offsets_.size()) return {};
  // Every symbol was decoded once in open(), so its length prefix is known to be in bounds.
  Decbuf d(bytes_.data(), symbols_begin_ + symbol_offsets_[index], data_end_);
  return d.uvarint_bytes();
}

std::optional<uint32_t> IndexReader::find_symbol(std::string_view s) const {
  size_t lo = 0, hi = symbol_offsets_.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (symbol(static_cast<uint32_t>(mid)) < s) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < symbol_offsets_.size() && symbol(static_cast<uint32_t>(lo)) == s) {
    return static_cast<uint32_t>(lo);
  }
  return std::nullopt;
}

std::optional<uint32_t> IndexReader::symbol_index(uint32_t ref) const {
  if (version_ != 1) {
    if (ref < symbol_offsets_.size()) return ref;
    return std::nullopt;
  }
  // Version 1 refers to a symbol by its file offset.
  if (ref < symbols_begin_) return std::nullopt;
  uint64_t rel = ref - symbols_begin_;
  auto it = std::lower_bound(symbol_offsets_.begin(), symbol_offsets_.end(), rel);
  if (it == symbol_offsets_.end() || *it != rel) return std::nullopt;
  return static_cast<uint32_t>(it - symbol_offsets_.begin());
}

std::optional<TsdbError> IndexReader::for_each_postings_entry(
    const std::function<bool(std::string_view, std::string_view, uint64_t)>& fn) const {
  uint64_t error_at = 0;
  auto sec = framed(bytes_, toc_.postings_table, data_end_, "postings offset table", error_at);
  if (auto* why = std::get_if<std::string>(&sec)) return corrupt(error_at, *why);
  Decbuf d = std::get<Decbuf>(sec);
  uint32_t count = d.be32();
  // As Prometheus: stop at the count or at the end of the table, whichever comes first.
  while (d.ok() && d.remaining() > 0 && count > 0) {
    uint64_t at = d.pos();
    uint64_t keys = d.uvarint();
    if (d.ok() && keys != 2) {
      return corrupt(at,
                     "postings offset table entry has " + std::to_string(keys) + " keys (want 2)");
    }
    std::string_view name = d.uvarint_bytes();
    std::string_view value = d.uvarint_bytes();
    uint64_t off = d.uvarint();
    if (!d.ok()) break;
    if (!fn(name, value, off)) return std::nullopt;
    --count;
  }
  if (!d.ok()) return from(d, "postings offset table");
  return std::nullopt;
}

std::variant<PostingsList, TsdbError> IndexReader::postings(uint64_t offset,
                                                            bool verify_crc) const {
  if (offset > data_end_ || data_end_ - offset < 8) {
    return corrupt(offset, "postings list starts past the end of the data (data ends at " +
                               std::to_string(data_end_) + ")");
  }
  uint64_t len = load_be32(bytes_.data() + offset);
  if (len > data_end_ - offset - 4 || data_end_ - offset - 4 - len < 4) {
    return corrupt(offset, "postings list of " + std::to_string(len) +
                               " bytes runs past the end of the data at " +
                               std::to_string(data_end_));
  }
  PostingsList p;
  p.count = load_be32(bytes_.data() + offset + 4);
  if (len < 4 || len - 4 != uint64_t{p.count} * 4) {
    return corrupt(offset, "postings list of " + std::to_string(len) + " bytes cannot hold " +
                               std::to_string(p.count) + " references");
  }
  p.refs = bytes_.data() + offset + 8;
  if (verify_crc) {
    uint32_t stored = load_be32(bytes_.data() + offset + 4 + len);
    uint32_t computed = crc32c(bytes_.data() + offset + 4, len);
    if (stored != computed) {
      return corrupt(offset, "CRC32 mismatch in postings list (stored " + hex32(stored) +
                                 ", computed " + hex32(computed) + ")");
    }
  }
  return p;
}

// The checked decoder: slower, run only to say where a series entry the fast path refused
// went wrong.
std::optional<TsdbError> IndexReader::series_error(uint64_t ref, uint64_t begin,
                                                   uint64_t len) const {
  const uint8_t* p = bytes_.data();
  Decbuf d(p, begin, begin + len);
  uint64_t labels = d.uvarint();
  for (uint64_t i = 0; i < labels && d.ok(); ++i) {
    uint64_t at = d.pos();
    uint32_t n = d.uvarint32();
    uint32_t v = d.uvarint32();
    if (!d.ok()) break;
    auto ni = symbol_index(n);
    auto vi = symbol_index(v);
    if (!ni || !vi) {
      return corrupt(at, "series entry " + std::to_string(ref) + " refers to unknown symbol " +
                             std::to_string(ni ? v : n));
    }
  }
  uint64_t chunks = d.uvarint();
  if (d.ok() && chunks > 0) {
    d.varint();
    d.uvarint();
    d.uvarint();
    for (uint64_t i = 1; i < chunks && d.ok(); ++i) {
      d.uvarint();
      d.uvarint();
      d.varint();
    }
  }
  if (!d.ok()) return from(d, ("series entry " + std::to_string(ref)).c_str());
  return corrupt(begin, "series entry " + std::to_string(ref) + " cannot be decoded");
}

namespace {

// Go's binary.Uvarint on [p, e), with a one-byte fast path; false on overflow or truncation.
inline bool fast_uvarint(const uint8_t*& p, const uint8_t* e, uint64_t& out) {
  if (p < e && *p < 0x80) {
    out = *p++;
    return true;
  }
  uint64_t x = 0;
  unsigned shift = 0;
  while (p < e) {
    uint8_t b = *p++;
    if (b < 0x80) {
      if (shift == 63 && b > 1) return false;
      out = x | (uint64_t{b} << shift);
      return true;
    }
    if (shift == 63) return false;
    x |= uint64_t{b & 0x7Fu} << shift;
    shift += 7;
  }
  return false;
}

}  // namespace

std::optional<TsdbError> IndexReader::read_series(uint64_t ref, SeriesEntry& out,
                                                  uint64_t& end) const {
  uint64_t off = series_offset(ref);
  if (off < 5 || off >= data_end_) {
    return corrupt(off, "series reference " + std::to_string(ref) + " points outside the data");
  }
  const uint8_t* base = bytes_.data();
  // The length is a uvarint of at most 5 bytes (Prometheus reads it as a 32-bit varint).
  const uint8_t* p = base + off;
  uint64_t len = 0;
  if (!fast_uvarint(p, base + std::min(off + 5, data_end_), len) || len > UINT32_MAX) {
    return corrupt(off, "series entry has a bad length");
  }
  auto begin = static_cast<uint64_t>(p - base);
  if (len > data_end_ - begin || data_end_ - begin - len < 4) {
    return corrupt(off, "series entry of " + std::to_string(len) +
                            " bytes runs past the end of the data at " + std::to_string(data_end_));
  }
  if (load_be32(base + begin + len) != crc32c(base + begin, len)) {
    return corrupt(off, "CRC32 mismatch in series entry " + std::to_string(ref));
  }
  end = begin + len + 4;
  // The fast path: unchecked against nothing, but it gives up (and series_error explains) at
  // the first thing out of place.
  const uint8_t* e = p + len;
  const uint64_t symbols = symbol_offsets_.size();
  uint64_t labels = 0, n = 0, v = 0;
  out.labels.clear();
  out.chunks = 0;
  out.first_min_time = out.last_max_time = 0;
  if (!fast_uvarint(p, e, labels)) return series_error(ref, begin, len);
  for (uint64_t i = 0; i < labels; ++i) {
    if (!fast_uvarint(p, e, n) || !fast_uvarint(p, e, v)) return series_error(ref, begin, len);
    if (version_ != 1) {
      if (n >= symbols || v >= symbols) return series_error(ref, begin, len);
      out.labels.emplace_back(static_cast<uint32_t>(n), static_cast<uint32_t>(v));
    } else {
      if (n > UINT32_MAX || v > UINT32_MAX) return series_error(ref, begin, len);
      std::optional<uint32_t> ni = symbol_index(static_cast<uint32_t>(n));
      std::optional<uint32_t> vi = symbol_index(static_cast<uint32_t>(v));
      if (!ni.has_value() || !vi.has_value()) return series_error(ref, begin, len);
      out.labels.emplace_back(ni.value(), vi.value());
    }
  }
  uint64_t chunks = 0, a = 0, b = 0, c = 0;
  if (!fast_uvarint(p, e, chunks)) return series_error(ref, begin, len);
  if (chunks > 0) {
    // Times are deltas in uint64 arithmetic, wrapping as Go's int64 does; t0 is zig-zag.
    if (!fast_uvarint(p, e, a) || !fast_uvarint(p, e, b) || !fast_uvarint(p, e, c)) {
      return series_error(ref, begin, len);
    }
    uint64_t t0 = (a & 1) != 0 ? ~(a >> 1) : a >> 1;
    uint64_t maxt = b + t0;
    out.first_min_time = static_cast<int64_t>(t0);
    for (uint64_t i = 1; i < chunks; ++i) {
      if (!fast_uvarint(p, e, a) || !fast_uvarint(p, e, b) || !fast_uvarint(p, e, c)) {
        return series_error(ref, begin, len);
      }
      uint64_t mint = a + maxt;
      maxt = b + mint;
    }
    out.last_max_time = static_cast<int64_t>(maxt);
  }
  out.chunks = chunks;
  return std::nullopt;
}

}  // namespace caxtool::tsdb
