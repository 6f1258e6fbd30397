// SPDX-License-Identifier: Apache-2.0
// info(): the join of info-metric data labels onto series by instance and job, its data-label
// selector, the newest-wins rule between info series, its errors, the time the info series are
// read at (the first selector's @ and offset, through subqueries), and its gating behind the
// experimental-functions flag. Prometheus's own cases run in the head corpus (info.test).
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "promql_eval_helpers.h"

using namespace caxtool::promql;
using namespace caxtool::promql::eval;

namespace {

EvalResult at(const std::string& expr, int64_t t, const Storage& st) {
  return testing::eval_at(expr, t, st, testing::experimental_functions());
}

// The one series of a result, as text.
std::string one(const EvalResult& r) {
  REQUIRE(r.ok());
  REQUIRE(r.value.series.size() == 1);
  return format_labels(r.value.series[0].labels);
}

void load(Storage& st) {
  for (int64_t t = 0; t <= 600000; t += 60000) {
    st.append({{"__name__", "m"}, {"instance", "a"}, {"job", "j"}, {"x", "base"}}, t, 1);
    st.append({{"__name__", "m"}, {"instance", "b"}, {"job", "j"}}, t, 2);
    st.append({{"__name__", "target_info"},
               {"instance", "a"},
               {"job", "j"},
               {"x", "info"},
               {"region", "eu"}},
              t, 1);
    st.append({{"__name__", "build_info"}, {"instance", "a"}, {"job", "j"}, {"version", "1"}}, t,
              1);
  }
}

}  // namespace

TEST_CASE("promql eval: info() adds target_info's data labels, the series' own labels win") {
  Storage st;
  load(st);
  CHECK(one(at("info(m{instance=\"a\"})", 60000, st)) ==
        "{__name__=\"m\", instance=\"a\", job=\"j\", region=\"eu\", x=\"base\"}");
  // No target_info for instance b: unchanged.
  CHECK(one(at("info(m{instance=\"b\"})", 60000, st)) ==
        "{__name__=\"m\", instance=\"b\", job=\"j\"}");
  // Functions that drop the name keep it dropped.
  CHECK(one(at("info(-m{instance=\"a\"})", 60000, st)) ==
        "{instance=\"a\", job=\"j\", region=\"eu\", x=\"base\"}");
}

TEST_CASE("promql eval: info()'s selector picks info metrics and data labels") {
  Storage st;
  load(st);
  CHECK(one(at("info(m{instance=\"a\"}, {__name__=\"build_info\"})", 60000, st)) ==
        "{__name__=\"m\", instance=\"a\", job=\"j\", version=\"1\", x=\"base\"}");
  CHECK(one(at("info(m{instance=\"a\"}, {__name__=~\".+_info\", version=~\".+\"})", 60000, st)) ==
        "{__name__=\"m\", instance=\"a\", job=\"j\", version=\"1\", x=\"base\"}");
  // A data matcher rejecting "" drops series without a match; one accepting it keeps them.
  CHECK(at("info(m{instance=\"b\"}, {region=~\".+\"})", 60000, st).value.series.empty());
  CHECK(at("info(m, {region=~\".*\"})", 60000, st).value.series.size() == 2);
  // Info series in the first argument pass through as they are.
  CHECK(one(at("info(build_info, {__name__=~\".+_info\"})", 60000, st)) ==
        "{__name__=\"build_info\", instance=\"a\", job=\"j\", version=\"1\"}");
}

TEST_CASE("promql eval: info() takes the newest info series and fails on ties and conflicts") {
  Storage st;
  st.append({{"__name__", "m"}, {"instance", "a"}}, 120000, 1);
  st.append({{"__name__", "target_info"}, {"instance", "a"}, {"v", "old"}}, 60000, 1);
  st.append({{"__name__", "target_info"}, {"instance", "a"}, {"v", "new"}}, 90000, 1);
  CHECK(one(at("info(m)", 120000, st)) == "{__name__=\"m\", instance=\"a\", v=\"new\"}");
  st.append({{"__name__", "target_info"}, {"instance", "a"}, {"v", "same"}}, 90000, 1);
  auto tie = at("info(m)", 120000, st);
  REQUIRE_FALSE(tie.ok());
  CHECK(tie.error->find("found duplicate series for info metric") == 0);

  Storage c;
  c.append({{"__name__", "m"}, {"instance", "a"}}, 0, 1);
  c.append({{"__name__", "target_info"}, {"instance", "a"}, {"z", "1"}}, 0, 1);
  c.append({{"__name__", "other_info"}, {"instance", "a"}, {"z", "2"}}, 0, 1);
  auto conflict = at("info(m, {__name__=~\".+_info\"})", 0, c);
  REQUIRE_FALSE(conflict.ok());
  CHECK(*conflict.error == "conflicting label: z");
}

TEST_CASE("promql eval: info() reads the info series as of its argument's @ and offset") {
  Storage st;
  for (int64_t i = 0; i <= 10; ++i)
    st.append({{"__name__", "m"}, {"instance", "a"}}, i * 60000, static_cast<double>(i));
  st.append({{"__name__", "target_info"}, {"instance", "a"}, {"v", "old"}},
            {{0, 1}, {60000, 1}, {120000, 1}, {180000, stale_nan()}});
  for (int64_t i = 3; i <= 10; ++i)
    st.append({{"__name__", "target_info"}, {"instance", "a"}, {"v", "new"}}, i * 60000, 1);
  CHECK(one(at("info(m)", 600000, st)) == "{__name__=\"m\", instance=\"a\", v=\"new\"}");
  CHECK(one(at("info(m @ 120)", 600000, st)) == "{__name__=\"m\", instance=\"a\", v=\"old\"}");
  CHECK(one(at("info(m offset 8m)", 600000, st)) == "{__name__=\"m\", instance=\"a\", v=\"old\"}");
  CHECK(one(at("info(last_over_time(m[5m:1m] @ 120))", 600000, st)) ==
        "{__name__=\"m\", instance=\"a\", v=\"old\"}");
  CHECK(one(at("info(last_over_time(m[5m:1m] offset 9m))", 600000, st)) ==
        "{__name__=\"m\", instance=\"a\", v=\"old\"}");
  // A range selector's offset counts as well.
  CHECK(one(at("info(last_over_time(m[1m] offset 8m))", 600000, st)) ==
        "{__name__=\"m\", instance=\"a\", v=\"old\"}");
  // Long after the info series ended, @ still finds it.
  CHECK(one(at("info(m @ 120)", 3600000, st)) == "{__name__=\"m\", instance=\"a\", v=\"old\"}");
}

TEST_CASE("promql eval: info() is experimental") {
  ParseOptions po;
  CHECK_FALSE(parse("info(m)", po).ok());
  po.enable_experimental_functions = true;
  CHECK(parse("info(m)", po).ok());
}
