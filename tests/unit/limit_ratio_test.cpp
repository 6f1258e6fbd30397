// SPDX-License-Identifier: Apache-2.0
// limit_ratio's sampling: the XXH64 implementation against published vectors (the reference
// implementation's and cespare/xxhash's, which Prometheus uses), Prometheus's label-set hash
// built on it, and the aggregation's contract: complementary ratios split a vector in two, 1 and
// -1 keep everything, 0 nothing, NaN fails and out-of-range ratios are capped with a warning.
#include <catch2/catch.hpp>
#include <string>

#include "promql/eval/engine.h"
#include "promql/eval/internal.h"
#include "promql/parser.h"
#include "promql_eval_helpers.h"
#include "util/xxhash.h"

using namespace caxtool::promql;
using namespace caxtool::promql::eval;
using caxtool::util::xxhash64;
namespace ed = caxtool::promql::eval::detail;

namespace {

EvalResult run(const std::string& expr, const Storage& st) {
  return caxtool::promql::testing::eval_at(expr, 60000, st,
                                           caxtool::promql::testing::experimental_functions());
}

void hundred_series(Storage& st) {
  for (int i = 0; i < 100; ++i)
    st.append({{"__name__", "m"}, {"i", std::to_string(i)}}, {{0, static_cast<double>(i)}});
}

}  // namespace

TEST_CASE("xxhash: XXH64 published vectors, every tail length and the 32-byte stripes") {
  CHECK(xxhash64("") == 0xef46db3751d8e999ULL);
  CHECK(xxhash64("a") == 0xd24ec4f1a98c6e5bULL);
  CHECK(xxhash64("as") == 0x1c330fb2d66be179ULL);
  CHECK(xxhash64("asd") == 0x631c37ce72a97393ULL);
  CHECK(xxhash64("asdf") == 0x415872f599cea71eULL);
  CHECK(xxhash64("abc") == 0x44bc2cf5ad770999ULL);
  // 63 bytes: one stripe, then 8-, 4- and 1-byte tails.
  CHECK(xxhash64("Call me Ishmael. Some years ago--never mind how long precisely-") ==
        0x02a2e85470d6fd96ULL);
  CHECK(xxhash64("Nobody inspects the spammish repetition") == 0xfbcea83c8a378bf1ULL);
}

TEST_CASE("xxhash: the seed changes the hash and hashing is deterministic") {
  CHECK(xxhash64("abc", 1) != xxhash64("abc"));
  CHECK(xxhash64("abc", 1) == xxhash64("abc", 1));
  std::string big(1000, 'x');
  CHECK(xxhash64(big) == xxhash64(std::string(1000, 'x')));
  big[999] = 'y';
  CHECK(xxhash64(big) != xxhash64(std::string(1000, 'x')));
}

TEST_CASE("promql eval: labels.Hash() is XXH64 of the length-prefixed names and values") {
  using ed::prometheus_labels_hash;
  CHECK(prometheus_labels_hash({}) == xxhash64(""));
  CHECK(prometheus_labels_hash({{"a", "b"}}) == xxhash64(std::string("\x01"
                                                                     "a\x01"
                                                                     "b")));
  CHECK(prometheus_labels_hash({{"__name__", "up"}, {"job", ""}}) ==
        xxhash64(std::string("\x08__name__\x02up\x03job\x00", 17)));
  // A value of 255 bytes or more: 0xff then its length in three little-endian bytes.
  std::string v(300, 'v');
  std::string enc = std::string("\x01n\xff", 3) + std::string("\x2c\x01\x00", 3) + v;
  CHECK(prometheus_labels_hash({{"n", v}}) == xxhash64(enc));
  // Before 3.5 sizes are uvarints: 300 is 0xac 0x02, 100 still one byte.
  std::string venc = std::string("\x01n\xac\x02", 4) + v;
  CHECK(prometheus_labels_hash({{"n", v}}, true) == xxhash64(venc));
  CHECK(prometheus_labels_hash({{"a", "b"}}, true) == prometheus_labels_hash({{"a", "b"}}));
}

TEST_CASE("promql eval: limit_ratio keeps by label hash, complementary ratios partition") {
  Storage st;
  hundred_series(st);
  for (double r : {0.1, 0.3, 0.5, 0.77}) {
    auto a = run("limit_ratio(" + std::to_string(r) + ", m)", st);
    auto b = run("limit_ratio(-" + std::to_string(1 - r) + ", m)", st);
    REQUIRE(a.ok());
    REQUIRE(b.ok());
    CHECK(a.value.series.size() + b.value.series.size() == 100);
    auto both = run("limit_ratio(" + std::to_string(r) + ", m) and limit_ratio(-" +
                        std::to_string(1 - r) + ", m)",
                    st);
    CHECK(both.value.series.empty());
    // Roughly r of a uniform hash: generous bounds, 100 series.
    CHECK(a.value.series.size() > static_cast<size_t>(r * 100 / 2));
    CHECK(a.value.series.size() < static_cast<size_t>(r * 100 * 2 + 10));
    for (const auto& s : a.value.series)
      CHECK(ed::limit_ratio_keeps(r, s.labels, newest_version()));
  }
  // The same series are picked whatever else the vector holds.
  auto all = run("limit_ratio(0.5, m)", st);
  auto few = run("limit_ratio(0.5, m{i=~\"1.\"})", st);
  size_t expected = 0;
  for (const auto& s : all.value.series)
    if (s.labels.at(1).second.size() == 2 && s.labels.at(1).second[0] == '1') ++expected;
  CHECK(few.value.series.size() == expected);
}

TEST_CASE("promql eval: limit_ratio's bounds, zero, NaN and capping") {
  Storage st;
  hundred_series(st);
  CHECK(run("limit_ratio(1, m)", st).value.series.size() == 100);
  CHECK(run("limit_ratio(-1, m)", st).value.series.size() == 100);
  CHECK(run("limit_ratio(0, m)", st).value.series.empty());
  auto capped = run("limit_ratio(1.5, m)", st);
  CHECK(capped.value.series.size() == 100);
  REQUIRE(capped.warnings.size() == 1);
  CHECK(capped.warnings[0] ==
        "PromQL warning: ratio value should be between -1 and 1, got 1.5, capping to 1");
  auto nan = run("limit_ratio(NaN, m)", st);
  REQUIRE_FALSE(nan.ok());
  CHECK(*nan.error == "Ratio value is NaN");
  // Grouping keeps the per-series decision: by (i) changes nothing.
  CHECK(run("limit_ratio by (i) (0.4, m)", st).value.series.size() ==
        run("limit_ratio(0.4, m)", st).value.series.size());
}
