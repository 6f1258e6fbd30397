// SPDX-License-Identifier: Apache-2.0
// format(): canonical PromQL as Prometheus prints it, and the tree walk helpers.
#include <catch2/catch.hpp>

#include "../promql/promql_test_util.h"

using namespace caxtool::promql;
using promql_test::all_features;
using promql_test::at;
using promql_test::formatted;

TEST_CASE("promql: format writes Prometheus's canonical form") {
  CHECK(formatted("sum(rate(x[5m]))by(job)") == "sum by (job) (rate(x[5m]))");
  CHECK(formatted("SUM without(a,b)(x)") == "sum without (a, b) (x)");
  CHECK(formatted("foo{b=\"2\",a=~'1'}") == "foo{a=~\"1\",b=\"2\"}");
  CHECK(formatted("foo[90m] offset 120s @ 10") == "foo[1h30m] @ 10.000 offset 2m");
  CHECK(formatted("x[1h:] offset -1d") == "x[1h:] offset -1d");
  CHECK(formatted("a+on(b)group_left c") == "a + on (b) group_left () c");
  CHECK(formatted("a and ignoring(b) c") == "a and ignoring (b) c");
  CHECK(formatted("1 + ignoring() group_left foo") == "1 + foo");
  CHECK(formatted("a>bool 0x10") == "a > bool 16");
  CHECK(formatted("-(1)") == "-(1)");
  CHECK(formatted("1e3 + .5 + 1e-7") == "1000 + 0.5 + 0.0000001");
  CHECK(formatted("Inf - NaN") == "+Inf - NaN");
  CHECK(formatted("'a\"b' + `c\\d`", at("2.42")) ==
        "error [0,5): binary expression must contain "
        "only scalar and instant vector types");
  CHECK(formatted("label_replace(x, 'a', `\\d`, \"é\\t\", \"\")") ==
        "label_replace(x, \"a\", \"\\\\d\", \"é\\t\", \"\")");
  CHECK(formatted("{\"my.metric\",\"a b\"=\"v\"}") == "{\"a b\"=\"v\",__name__=\"my.metric\"}");
  CHECK(formatted("sum by (\"a.b\") (x)") == "sum by (\"a.b\") (x)");
  CHECK(formatted("x > 5m", at("3.0")) == "x > 5m");
  CHECK(formatted("foo[300]", at("3.0")) == "foo[5m]");
  CHECK(formatted("foo[1.0005]", at("3.14")) == "foo[1.0005]");
  CHECK(formatted("foo offset (5m + 1m)", at("3.14")) == "foo offset (5m + 1m)");
  CHECK(formatted("foo[(5m+1m)*2:step()]", at("3.14")) == "foo[(5m + 1m) * 2:step()]");
  CHECK(formatted("rate(foo[5m] anchored)", all_features()) == "rate(foo[5m] anchored)");
  CHECK(formatted("a + fill_left(1) fill_right(-2) b", all_features()) ==
        "a + fill_left (1) fill_right (-2) b");
  // Where Prometheus's own printing would not read back (found by the fuzzer).
  CHECK(formatted("info(x, {})", all_features()) == "info(x, {})");
  CHECK(formatted("++ Inf^Inf") == "++Inf ^ +Inf");
  CHECK(formatted("Inf^2") == "Inf ^ 2");
}

TEST_CASE("promql: format output parses back to the same tree") {
  DumpOptions sorted;
  sorted.sort_matchers = true;
  for (const char* text : {
           "sum by (job) (rate(http_requests_total{job=\"api\",code=~\"5..\"}[5m]))",
           "histogram_quantile(0.99, sum without (instance) (rate(x_bucket[5m])))",
           "a + on(instance) group_left(job) b * 2 ^ 3 ^ -1",
           "foo offset -5m @ 1609746000.123",
           "max_over_time(deriv(rate(x[1m])[5m:30s])[1h:] @ end())",
           "{\"my.metric\", \"label.x\"=\"v\"}",
           "topk(5, x) or bottomk by (a) (1, y) unless count_values(\"v\", z)",
           "-x > bool 0x1F and on() y != Inf",
           "-x ^ 2 - -3 % (4 atan2 y)",
           "foo[5m+1m] offset (1m * 2)",
           "foo offset -(5m)",
       }) {
    INFO(text);
    auto first = parse(text, all_features());
    REQUIRE(first.ok());
    auto second = parse(format(*first.expr), all_features());
    REQUIRE(second.ok());
    CHECK(dump(*second.expr, sorted) == dump(*first.expr, sorted));
  }
}

TEST_CASE("promql: dump with positions") {
  DumpOptions o;
  o.positions = true;
  auto r = parse("sum(rate(foo[5m])) > 1");
  REQUIRE(r.ok());
  CHECK(dump(*r.expr, o) ==
        "bin(>, agg(sum, call(rate, matrix(sel(foo)[9,12), 5m)[9,16))[4,17))[0,18), "
        "num(1)[21,22))[0,22)");
}

TEST_CASE("promql: walk visits every node with its details") {
  auto r = parse(
      "sum by (job) (rate(foo{a=~\"b.*\"}[5m] offset 1m)) / on(job) group_left(x) "
      "count_values(\"v\", bar @ start())");
  REQUIRE(r.ok());
  std::string seen;
  walk(*r.expr, [&](const Expr& e) {
    if (auto* vs = e.as<VectorSelector>()) {
      seen += "sel:" + std::string(vs->metric_name());
      for (const auto& m : vs->matchers)
        seen += "," + m.name + std::string(match_op_name(m.op)) + m.value;
      if (vs->offset.set())
        seen += ",offset=" + std::to_string(vs->offset.nanoseconds / 1'000'000'000);
      if (vs->at.kind == At::Kind::kStart) seen += ",@start";
      seen += " ";
    } else if (auto* m = e.as<MatrixSelector>()) {
      seen += "range:" + std::to_string(m->range_ns / 1'000'000'000) + " ";
    } else if (auto* c = e.as<Call>()) {
      seen += "call:" + c->name + "/" + std::to_string(c->args.size()) + " ";
    } else if (auto* a = e.as<Aggregate>()) {
      seen += "agg:" + std::string(a->op_name()) + (a->without ? " without" : " by");
      for (const auto& g : a->grouping) seen += "," + g;
      seen += a->param ? ",param " : " ";
    } else if (auto* b = e.as<Binary>()) {
      seen += "bin:" + std::string(b->op_name());
      if (b->matching) {
        seen += b->matching->on ? ",on" : ",ignoring";
        for (const auto& l : b->matching->matching_labels) seen += "," + l;
        if (b->matching->card == Cardinality::kManyToOne) seen += ",group_left";
        for (const auto& l : b->matching->include) seen += "," + l;
      }
      seen += " ";
    } else {
      seen += std::string(documented_type(type_of(e))) + " ";
    }
  });
  CHECK(seen ==
        "bin:/,on,job,group_left,x agg:sum by,job call:rate/1 range:300 sel:foo,a=~b.*,offset=60 "
        "agg:count_values by,param string sel:bar,@start ");
}

TEST_CASE("promql: versions") {
  CHECK(parse_version("2.42") == Version{2, 42});
  CHECK(parse_version("v3.8.1") == Version{3, 8});
  CHECK_FALSE(parse_version("3"));
  CHECK_FALSE(parse_version("3.x"));
  CHECK((Version{2, 55} < Version{3, 0}));
  CHECK(newest_version() == Version{3, 14});
}

TEST_CASE("promql: the function table is sorted and answers by version") {
  auto fns = all_functions();
  for (size_t i = 1; i < fns.size(); ++i) CHECK(fns[i - 1].name < fns[i].name);
  CHECK(find_function("rate") != nullptr);
  CHECK(find_function("holt_winters", Version{3, 0}) == nullptr);
  CHECK(find_function("holt_winters", Version{2, 55}) != nullptr);
  CHECK(find_function("mad_over_time", Version{2, 48}) == nullptr);
  CHECK(find_function("first_over_time", Version{3, 13})->experimental_in(Version{3, 13}));
  CHECK_FALSE(find_function("first_over_time")->experimental_in(Version{3, 14}));
}
