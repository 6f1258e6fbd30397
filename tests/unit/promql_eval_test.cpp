// SPDX-License-Identifier: Apache-2.0
// The evaluation engine's own contract: value and label formatting as promtool prints them,
// staleness, range merging, errors as values, the store's ordering rules. Prometheus's engine
// tests run separately (tests/promql_eval, ctest promql-eval/*).
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "promql_eval_helpers.h"

using namespace caxtool::promql;
using namespace caxtool::promql::eval;

namespace {

EvalResult instant(const std::string& expr, int64_t t, const Storage& st,
                   Version v = newest_version()) {
  ParseOptions po;
  po.version = v;
  return testing::eval_at(expr, t, st, po);
}

}  // namespace

TEST_CASE("promql eval: values are formatted as Go's strconv 'g' -1") {
  CHECK(format_value(1) == "1");
  CHECK(format_value(0.5) == "0.5");
  CHECK(format_value(-2.25) == "-2.25");
  CHECK(format_value(123456) == "123456");
  CHECK(format_value(1e6) == "1e+06");
  CHECK(format_value(1234567) == "1.234567e+06");
  CHECK(format_value(0.0001) == "0.0001");
  CHECK(format_value(0.00001) == "1e-05");
  CHECK(format_value(1.0 / 3) == "0.3333333333333333");
  CHECK(format_value(std::numeric_limits<double>::quiet_NaN()) == "NaN");
  CHECK(format_value(std::numeric_limits<double>::infinity()) == "+Inf");
  CHECK(format_value(-std::numeric_limits<double>::infinity()) == "-Inf");
}

TEST_CASE("promql eval: label sets print as labels.Labels.String()") {
  CHECK(format_labels({}) == "{}");
  CHECK(format_labels({{"__name__", "up"}, {"a", "x\"y\\\n"}}) ==
        "{__name__=\"up\", a=\"x\\\"y\\\\\\n\"}");
}

TEST_CASE("promql eval: staleness markers end a series before the lookback does") {
  Storage st;
  st.append({{"__name__", "m"}}, {{0, 1}, {60000, stale_nan()}});
  CHECK(is_stale_nan(stale_nan()));
  CHECK_FALSE(is_stale_nan(std::numeric_limits<double>::quiet_NaN()));
  CHECK(instant("m", 30000, st).value.series.size() == 1);
  CHECK(instant("m", 90000, st).value.series.empty());
  CHECK(instant("count_over_time(m[5m])", 90000, st).value.series.at(0).samples.at(0).v == 1);
}

TEST_CASE("promql eval: the lookback window is closed before 3.0 and open since") {
  Storage st;
  st.append({{"__name__", "m"}}, 0, 7);
  CHECK(instant("m", 300000, st, Version{2, 42}).value.series.size() == 1);
  CHECK(instant("m", 300000, st, Version{3, 0}).value.series.empty());
}

TEST_CASE("promql eval: out-of-order samples are dropped and labels sorted on append") {
  Storage st;
  st.append({{"b", "2"}, {"__name__", "m"}, {"a", "1"}}, {{60000, 1}, {0, 5}, {120000, 2}});
  CHECK(st.series_count() == 1);
  auto r = instant("m[5m]", 120000, st);
  REQUIRE(r.ok());
  REQUIRE(r.value.series.size() == 1);
  CHECK(format_labels(r.value.series[0].labels) == "{__name__=\"m\", a=\"1\", b=\"2\"}");
  CHECK(r.value.series[0].samples.size() == 2);
}

TEST_CASE("promql eval: runtime errors are values with Prometheus's message") {
  Storage st;
  st.append({{"__name__", "a"}, {"x", "1"}}, 0, 1);
  st.append({{"__name__", "b"}, {"x", "1"}, {"y", "1"}}, 0, 1);
  st.append({{"__name__", "b"}, {"x", "1"}, {"y", "2"}}, 0, 1);
  auto r = instant("a + on(x) b", 0, st, Version{2, 42});
  REQUIRE_FALSE(r.ok());
  CHECK(*r.error ==
        "found duplicate series for the match group {x=\"1\"} on the right hand-side of the "
        "operation: [{__name__=\"b\", x=\"1\", y=\"2\"}, {__name__=\"b\", x=\"1\", y=\"1\"}];"
        "many-to-many matching not allowed: matching labels must be unique on one side");
  st.append({{"__name__", "c"}, {"x", "1"}}, 0, 1);
  auto dup = instant("-{x=\"1\", y=\"\"}", 0, st);
  REQUIRE_FALSE(dup.ok());
  CHECK(*dup.error == "vector cannot contain metrics with the same labelset");
  CHECK(instant("{x=\"1\", y=\"\"}", 0, st).value.series.size() == 2);
}

TEST_CASE("promql eval: a range query merges steps into series sorted by labels") {
  Storage st;
  st.append({{"__name__", "m"}, {"i", "b"}}, {{0, 1}, {60000, 2}});
  st.append({{"__name__", "m"}, {"i", "a"}}, {{60000, 5}});
  auto p = parse("m * 2");
  REQUIRE(p.ok());
  auto r = eval_range(*p.expr, 0, 120000, 60000, st);
  REQUIRE(r.ok());
  REQUIRE(r.value.series.size() == 2);
  CHECK(format_labels(r.value.series[0].labels) == "{i=\"a\"}");
  CHECK(r.value.series[0].samples.size() == 2);
  CHECK(r.value.series[1].samples.size() == 3);
  CHECK(r.value.series[1].samples[2].v == 4);
}

TEST_CASE("promql eval: max_samples counts what Prometheus 2.42's evaluator holds") {
  Storage st;
  std::vector<Sample> samples;
  for (int64_t i = 0; i <= 200; ++i) samples.push_back({i * 60000, static_cast<double>(i)});
  st.append({{"__name__", "m"}}, samples);
  auto run = [&](const std::string& expr, int64_t max) {
    ParseOptions po;
    po.version = Version{2, 42};
    auto p = parse(expr, po);
    REQUIRE(p.ok());
    EvalOptions eo;
    eo.version = Version{2, 42};
    eo.max_samples = max;
    return eval_instant(*p.expr, 200 * 60000, st, eo);
  };
  const std::string kErr =
      "query processing would load too many samples into memory in query execution";
  // A window of 100 points plus the output sample.
  CHECK(run("count_over_time(m[99m])", 101).ok());
  CHECK(run("count_over_time(m[99m])", 100).error == kErr);
  // A subquery's 50 points, held while the function loads them again, plus the output.
  CHECK(run("sum_over_time(m[49m:1m])", 101).ok());
  CHECK(run("sum_over_time(m[49m:1m])", 100).error == kErr);
  // m * 2 in a subquery of 20 steps: 20 selected, 20 literals, 19 earlier outputs, then the
  // step's 2 inputs and 1 output; the function loads the 20 points again.
  CHECK(run("sum_over_time((m * 2)[19m:1m])", 62).ok());
  CHECK(run("sum_over_time((m * 2)[19m:1m])", 61).error == kErr);
  CHECK(run("count_over_time(m[99m])", 0).ok());  // 0: no limit
}

TEST_CASE("promql eval: exp and ln round as Go's amd64 assembly does (values from promtool 2.42)") {
  Storage st;
  st.append({{"__name__", "m"}, {"i", "a"}}, 0, 3);
  st.append({{"__name__", "m"}, {"i", "b"}}, 0, -709);
  st.append({{"__name__", "m"}, {"i", "c"}}, 0, 1e-320);
  auto values = [&](const std::string& expr) {
    std::vector<std::string> out;
    for (const auto& s : instant(expr, 0, st).value.series)
      out.push_back(format_value(s.samples.at(0).v));
    return out;
  };
  // glibc: ln(3) = 1.0986122886681098; Go's Frexp on the bits misreads a subnormal.
  CHECK(values("ln(m)") ==
        std::vector<std::string>{"1.0986122886681096", "NaN", "-709.0895657128236"});
  CHECK(values("exp(m)") ==
        std::vector<std::string>{"20.085536923187668", "1.216780750623423e-308", "1"});
}
