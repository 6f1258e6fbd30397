// SPDX-License-Identifier: Apache-2.0
// EvalOptions::delayed_name_removal (promql-delayed-name-removal): operations only mark the
// metric name and it goes when the query returns, so label functions and `by (__name__)` still
// see it; the duplicate-labelset error comes at the end; off, every name goes at once as before.
#include <catch2/catch.hpp>
#include <string>

#include "promql/eval/engine.h"
#include "promql/parser.h"

using namespace caxtool::promql;
using namespace caxtool::promql::eval;

namespace {

void two_counters(Storage& st) {
  for (int i = 0; i <= 10; ++i) {
    st.append({{"__name__", "a_total"}, {"env", "1"}}, i * 60000, i * 1.0);
    st.append({{"__name__", "b_total"}, {"env", "1"}}, i * 60000, i * 3.0);
  }
}

EvalResult run(const std::string& expr, const Storage& st, bool delayed, int64_t t = 600000) {
  auto p = parse(expr, ParseOptions{});
  REQUIRE(p.ok());
  EvalOptions eo;
  eo.delayed_name_removal = delayed;
  return eval_instant(*p.expr, t, st, eo);
}

std::string only_labels(const EvalResult& r) {
  REQUIRE(r.ok());
  REQUIRE(r.value.series.size() == 1);
  return format_labels(r.value.series[0].labels);
}

}  // namespace

TEST_CASE("promql eval: delayed name removal drops the name when the query returns") {
  Storage st;
  two_counters(st);
  for (bool delayed : {false, true}) {
    CHECK(only_labels(run("-a_total", st, delayed)) == "{env=\"1\"}");
    CHECK(only_labels(run("rate(a_total[5m])", st, delayed)) == "{env=\"1\"}");
    CHECK(only_labels(run("abs(a_total) > 0", st, delayed)) == "{env=\"1\"}");
    CHECK(only_labels(run("last_over_time(a_total[5m])", st, delayed)) ==
          "{__name__=\"a_total\", env=\"1\"}");
    CHECK(only_labels(run("a_total <= b_total", st, delayed)) ==
          "{__name__=\"a_total\", env=\"1\"}");
  }
  // A subquery keeps the mark for last_over_time.
  CHECK(only_labels(run("last_over_time(abs(a_total)[5m:1m])", st, true)) == "{env=\"1\"}");
}

TEST_CASE("promql eval: delayed name removal lets label functions read and keep the name") {
  Storage st;
  two_counters(st);
  auto r = run(R"q(label_replace(rate(a_total[5m]), "src", "$1", "__name__", "(.+)"))q", st, true);
  CHECK(only_labels(r) == "{env=\"1\", src=\"a_total\"}");
  r = run(R"q(label_replace(rate(a_total[5m]), "src", "$1", "__name__", "(.+)"))q", st, false);
  CHECK(only_labels(r) == "{env=\"1\"}");
  r = run(R"q(label_join(a_total * 2, "__name__", "_", "__name__", "env"))q", st, true);
  CHECK(only_labels(r) == "{__name__=\"a_total_1\", env=\"1\"}");
  r = run(R"q(sum by (__name__) (rate(a_total[5m])))q", st, true);
  CHECK(only_labels(r) == "{}");
  r = run(R"q(sum by (__name__) (a_total))q", st, true);
  CHECK(only_labels(r) == "{__name__=\"a_total\"}");
}

TEST_CASE("promql eval: delayed name removal finds duplicate label sets at the end") {
  Storage st;
  two_counters(st);
  // Off, rate() fails at once; on, the series stay apart until the names go.
  CHECK(run("rate({env=\"1\"}[5m])", st, false).error ==
        "vector cannot contain metrics with the same labelset");
  CHECK(run("rate({env=\"1\"}[5m])", st, true).error ==
        "vector cannot contain metrics with the same labelset");
  auto r = run("sum by (env) (rate({env=\"1\"}[5m]))", st, true);
  REQUIRE(r.ok());
  REQUIRE(r.value.series.size() == 1);
  CHECK(r.value.series[0].samples[0].v == Approx(4.0 / 60));
  CHECK_FALSE(run("sum by (env) (rate({env=\"1\"}[5m]))", st, false).ok());
  CHECK_FALSE(run("sum by (__name__) (rate({env=\"1\"}[5m]))", st, true).ok());
}

TEST_CASE("promql eval: delayed name removal merges a range query's series after dropping") {
  Storage st;
  st.append({{"__name__", "m_a"}}, 0, 1);
  st.append({{"__name__", "m_b"}}, 0, 3);
  st.append({{"__name__", "m_b"}}, 600000, 4);
  st.append({{"__name__", "m_a"}}, 600000, stale_nan());
  auto p = parse("-m_a or -m_b", ParseOptions{});
  REQUIRE(p.ok());
  EvalOptions eo;
  eo.delayed_name_removal = true;
  auto r = eval_range(*p.expr, 0, 1200000, 600000, st, eo);
  REQUIRE(r.ok());
  REQUIRE(r.value.series.size() == 1);
  CHECK(format_labels(r.value.series[0].labels) == "{}");
  REQUIRE(r.value.series[0].samples.size() == 2);
  CHECK(r.value.series[0].samples[0].v == -1);
  CHECK(r.value.series[0].samples[1].v == -4);
  // Two samples at one time with the same labels once the names go: an error.
  auto both = parse("sum by (__name__) (-{__name__=~\"m_.*\"})", ParseOptions{});
  REQUIRE(both.ok());
  CHECK(eval_range(*both.expr, 0, 1200000, 600000, st, eo).error ==
        "vector cannot contain metrics with the same labelset");
}
