// SPDX-License-Identifier: Apache-2.0
// lib/tsdb: the index reader on a real index written by promtool (the fuzz seed corpus), the
// analysis on it, and a corruption suite: every truncation and every damaged section must give
// a clean error naming the byte, never a crash or a read out of bounds (run under ASan in CI).
#include <catch2/catch.hpp>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "tsdb/analysis.h"
#include "tsdb/blocks.h"
#include "tsdb/crc32c.h"
#include "tsdb/go_duration.h"
#include "tsdb/index_reader.h"

namespace fs = std::filesystem;
using namespace caxtool::tsdb;

namespace {

std::vector<uint8_t> small_index() {
  std::ifstream in(fs::path(CAXTOOL_SOURCE_DIR) / "fuzz/corpus/tsdb_index/small_v2.index",
                   std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

BlockMeta test_meta() {
  BlockMeta m;
  m.ulid = "01M8MRSZTYZ0WG0KY5ERJDXQZJ";
  m.min_time = 1700000000000;
  m.max_time = 1700000060001;
  m.num_series = 107;
  return m;
}

std::variant<Analysis, TsdbError> analyze(const std::vector<uint8_t>& b,
                                          const AnalyzeOptions& o = {}) {
  return analyze_index(std::span<const uint8_t>(b.data(), b.size()), test_meta(), o);
}

// The analysis must fail with an offset inside the file.
void require_clean_error(const std::vector<uint8_t>& b, const AnalyzeOptions& o = {}) {
  auto r = analyze(b, o);
  REQUIRE(std::holds_alternative<TsdbError>(r));
  const auto& e = std::get<TsdbError>(r);
  CHECK(e.kind == TsdbError::Kind::kCorrupt);
  REQUIRE(e.offset.has_value());
  CHECK(*e.offset <= b.size());
  CHECK(describe(e).find("index: byte ") == 0);
}

void put_be32(std::vector<uint8_t>& b, size_t at, uint32_t v) {
  for (int i = 0; i < 4; ++i)
    b[at + static_cast<size_t>(i)] = static_cast<uint8_t>(v >> (24 - 8 * i));
}

void put_be64(std::vector<uint8_t>& b, size_t at, uint64_t v) {
  put_be32(b, at, static_cast<uint32_t>(v >> 32));
  put_be32(b, at + 4, static_cast<uint32_t>(v));
}

// Rewrites the TOC's CRC after editing it, so the damage behind it is what gets noticed.
void fix_toc_crc(std::vector<uint8_t>& b) {
  size_t toc = b.size() - kTocSize;
  put_be32(b, b.size() - 4, crc32c(b.data() + toc, kTocSize - 4));
}

Toc toc_of(const std::vector<uint8_t>& b) {
  auto r = IndexReader::open(std::span<const uint8_t>(b.data(), b.size()));
  REQUIRE(std::holds_alternative<IndexReader>(r));
  return std::get<IndexReader>(r).toc();
}

}  // namespace

TEST_CASE("tsdb: crc32c is Castagnoli") {
  const char* s = "123456789";
  CHECK(crc32c(reinterpret_cast<const uint8_t*>(s), 9) == 0xE3069283u);
  CHECK(crc32c(nullptr, 0) == 0u);
}

TEST_CASE("tsdb: durations print as Go's time.Duration") {
  CHECK(go_duration_string(0) == "0s");
  CHECK(go_duration_string(int64_t{7200000} * 1000000) == "2h0m0s");
  CHECK(go_duration_string(int64_t{60001} * 1000000) == "1m0.001s");
  CHECK(go_duration_string(1500000) == "1.5ms");
  CHECK(go_duration_string(1500) == "1.5\xc2\xb5s");
  CHECK(go_duration_string(-int64_t{1000000000}) == "-1s");
}

TEST_CASE("tsdb: ULIDs as oklog's ParseStrict") {
  CHECK(is_ulid("01M8MRSZTYZ0WG0KY5ERJDXQZJ"));
  CHECK(is_ulid("01m8mrsztyz0wg0ky5erjdxqzj"));
  CHECK_FALSE(is_ulid("81M8MRSZTYZ0WG0KY5ERJDXQZJ"));  // overflows 48 bits
  CHECK_FALSE(is_ulid("01M8MRSZTYZ0WG0KY5ERJDXQZ"));
  CHECK_FALSE(is_ulid("01M8MRSZTYZ0WG0KY5ERJDXQZU"));  // U is not Crockford
  CHECK_FALSE(is_ulid("wal"));
}

TEST_CASE("tsdb: analysis of a promtool-written index") {
  auto b = small_index();
  REQUIRE(b.size() > 1000);
  auto r = analyze(b);
  REQUIRE(std::holds_alternative<Analysis>(r));
  const auto& a = std::get<Analysis>(r);
  CHECK(a.index_version == 2);
  CHECK(a.label_names == 10);
  CHECK(a.postings_unique == 59);
  CHECK(a.postings_total == 355);
  REQUIRE_FALSE(a.most_common_label_pairs.empty());
  CHECK(a.most_common_label_pairs.size() == 20);
  REQUIRE_FALSE(a.highest_cardinality_labels.empty());
  CHECK(a.highest_cardinality_labels.front().name == "le");
  uint64_t metric_series = 0;
  AnalyzeOptions all;
  all.limit = 100000;
  auto full = std::get<Analysis>(analyze(b, all));
  for (const auto& m : full.highest_cardinality_metric_names) metric_series += m.count;
  CHECK(metric_series == 107);  // every series has exactly one metric name
}

TEST_CASE("tsdb: a selector picking every series agrees with the plain analysis") {
  auto b = small_index();
  AnalyzeOptions plain;
  plain.limit = 100000;
  AnalyzeOptions matched = plain;
  auto sel = parse_selector("{__name__=~\".+\"}");
  REQUIRE(std::holds_alternative<std::vector<LabelMatcher>>(sel));
  matched.matchers = std::get<std::vector<LabelMatcher>>(sel);
  matched.selector = "{__name__=~\".+\"}";
  auto p = std::get<Analysis>(analyze(b, plain));
  auto m = std::get<Analysis>(analyze(b, matched));
  CHECK(m.matched_series == 107u);
  CHECK(m.label_names == p.label_names);
  CHECK(m.postings_unique == p.postings_unique);
  CHECK(m.postings_total == p.postings_total);
  auto same = [](const std::vector<NameCount>& x, const std::vector<NameCount>& y) {
    if (x.size() != y.size()) return false;
    for (size_t i = 0; i < x.size(); ++i)
      if (x[i].name != y[i].name || x[i].count != y[i].count) return false;
    return true;
  };
  CHECK(same(m.highest_cardinality_labels, p.highest_cardinality_labels));
  CHECK(same(m.highest_cumulative_value_length, p.highest_cumulative_value_length));
  CHECK(same(m.highest_cardinality_metric_names, p.highest_cardinality_metric_names));
}

TEST_CASE("tsdb: selectors that do not parse are usage errors") {
  for (const char* text : {"{", "rate(x[5m])", "{a!=\"b\"}", "x offset 5m", "{a=~\"(\"}"}) {
    auto r = parse_selector(text);
    INFO(text);
    REQUIRE(std::holds_alternative<TsdbError>(r));
    CHECK(std::get<TsdbError>(r).kind == TsdbError::Kind::kBadSelector);
  }
}

TEST_CASE("tsdb: corrupt index: every truncation is a clean error") {
  auto b = small_index();
  AnalyzeOptions matched;
  matched.matchers = std::get<std::vector<LabelMatcher>>(parse_selector("{__name__=~\".+\"}"));
  for (size_t len = 0; len < b.size(); len += (len < 64 ? 1 : 37)) {
    std::vector<uint8_t> cut(b.begin(), b.begin() + static_cast<long>(len));
    INFO("truncated at " << len);
    require_clean_error(cut);
    require_clean_error(cut, matched);
  }
}

TEST_CASE("tsdb: corrupt index: damaged header, TOC and sections") {
  auto b = small_index();
  Toc toc = toc_of(b);
  // The series section is padded: its first entry starts at the next multiple of 16.
  const uint64_t first_series = (toc.series + 15) / 16 * 16;

  SECTION("bad magic") {
    b[0] = 0;
    auto e = std::get<TsdbError>(analyze(b));
    CHECK(describe(e) ==
          "index: byte 0: bad magic number 0x00aad700 (an index starts with 0xbaaad700)");
  }
  SECTION("bad version") {
    b[4] = 9;
    auto e = std::get<TsdbError>(analyze(b));
    CHECK(describe(e) == "index: byte 4: unknown index format version 9 (known: 1, 2, 3)");
  }
  SECTION("TOC CRC mismatch") {
    b[b.size() - 20] ^= 1;
    require_clean_error(b);
  }
  SECTION("TOC offsets past the end") {
    for (size_t field = 0; field < 6; ++field) {
      auto c = b;
      put_be64(c, c.size() - kTocSize + 8 * field, uint64_t{1} << 40);
      fix_toc_crc(c);
      INFO("field " << field);
      require_clean_error(c);
    }
  }
  SECTION("a byte flipped in each section read") {
    AnalyzeOptions matched;
    matched.matchers = std::get<std::vector<LabelMatcher>>(parse_selector("{__name__=~\".+\"}"));
    for (uint64_t at : {toc.symbols + 9, first_series + 3, toc.postings_table + 9}) {
      auto c = b;
      c[at] ^= 0x5A;
      INFO("flipped byte " << at);
      require_clean_error(c);
      require_clean_error(c, matched);
    }
    // The all-postings list, read by the plain analysis (a selector reads its own lists).
    uint64_t all = 0;
    auto r = IndexReader::open(std::span<const uint8_t>(b.data(), b.size()));
    std::get<IndexReader>(r).for_each_postings_entry([&](auto, auto, uint64_t off) {
      all = off;
      return false;
    });
    REQUIRE(all >= toc.postings);
    auto c = b;
    c[all + 9] ^= 0x5A;
    require_clean_error(c);
  }
  SECTION("huge varints and lengths") {
    auto c = b;
    for (size_t i = 0; i < 11; ++i) c[first_series + i] = 0xFF;  // series entry length
    require_clean_error(c);
    c = b;
    put_be32(c, toc.symbols, 0xFFFFFFF0u);  // symbol table length
    require_clean_error(c);
    c = b;
    put_be32(c, toc.symbols + 4, 0x7FFFFFFFu);  // symbol count (CRC fixed below)
    size_t len = (size_t{c[toc.symbols]} << 24) | (size_t{c[toc.symbols + 1]} << 16) |
                 (size_t{c[toc.symbols + 2]} << 8) | c[toc.symbols + 3];
    put_be32(c, toc.symbols + 4 + len, crc32c(c.data() + toc.symbols + 4, len));
    auto e = std::get<TsdbError>(analyze(c));
    CHECK(e.message.find("symbol table claims") == 0);
  }
}

TEST_CASE("tsdb: the seed corpus never crashes the analysis") {
  for (const auto& entry :
       fs::directory_iterator(fs::path(CAXTOOL_SOURCE_DIR) / "fuzz/corpus/tsdb_index")) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<uint8_t> b{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    auto r = analyze(b);
    if (auto* e = std::get_if<TsdbError>(&r)) {
      CHECK(e->offset.has_value());
    }
  }
}
