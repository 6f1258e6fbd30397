// SPDX-License-Identifier: Apache-2.0
// Custom-bucket histograms with differing bounds through the operators and functions that combine
// two or more of them (+ and -, irate/idelta, sum_over_time/avg_over_time): reduced to the bounds
// both have, with an info annotation, since 3.8; no result before.
#include <catch2/catch.hpp>

#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "ruletest/histogram_notation.h"

using namespace caxtool;
namespace ev = promql::eval;

namespace {

std::shared_ptr<const ev::FloatHistogram> hist(std::string_view text) {
  std::string error;
  std::optional<ev::FloatHistogram> h = ruletest::parse_single_histogram(text, error);
  INFO(error);
  REQUIRE(h);
  return std::make_shared<const ev::FloatHistogram>(*h);
}

// The histograms `q` gives at `t` (test_expression) and its annotations.
std::pair<std::vector<std::string>, std::vector<std::string>> run(const ev::Storage& st,
                                                                  std::string_view q,
                                                                  promql::Version v) {
  promql::ParseOptions po;
  po.version = v;
  promql::ParseResult p = promql::parse(q, po);
  REQUIRE(p.ok());
  ev::EvalOptions eo;
  eo.version = v;
  ev::EvalResult r = ev::eval_instant(*p.expr, 60'000, st, eo);
  REQUIRE(r.ok());
  std::vector<std::string> out;
  for (const auto& s : r.value.series)
    out.push_back(s.samples[0].h() ? s.samples[0].h()->test_expression() : "float");
  return {out, r.warnings};
}

}  // namespace

TEST_CASE("promql eval: differing custom bounds reconciled by + - irate sum_over_time") {
  ev::Storage st;
  st.append({{"__name__", "a"}}, 0,
            hist("{{schema:-53 sum:1 count:1 custom_values:[5] buckets:[1]}}"));
  st.append({{"__name__", "a"}}, 60'000,
            hist("{{schema:-53 sum:3 count:3 custom_values:[5 10] buckets:[2 1]}}"));
  st.append({{"__name__", "b"}}, 60'000,
            hist("{{schema:-53 sum:1 count:1 custom_values:[5] buckets:[1]}}"));
  const std::string info = "PromQL info: mismatched custom buckets were reconciled during ";
  auto [sum, sum_notes] = run(st, "a + ignoring(__name__) b", {3, 14});
  CHECK(sum ==
        std::vector<std::string>{"{{schema:-53 count:4 sum:4 custom_values:[5] buckets:[3 1]}}"});
  CHECK(sum_notes == std::vector<std::string>{info + "addition"});
  CHECK(run(st, "a + ignoring(__name__) b", {3, 7}).first.empty());
  auto [d, d_notes] = run(st, "idelta(a[5m])", {3, 14});
  CHECK(
      d ==
      std::vector<std::string>{
          "{{schema:-53 count:2 sum:2 custom_values:[5] counter_reset_hint:gauge buckets:[1 1]}}"});
  CHECK(d_notes == std::vector<std::string>{info + "subtraction"});
  CHECK(run(st, "idelta(a[5m])", {3, 7}).first.empty());
  auto [o, o_notes] = run(st, "sum_over_time(a[5m])", {3, 14});
  CHECK(o ==
        std::vector<std::string>{"{{schema:-53 count:4 sum:4 custom_values:[5] buckets:[3 1]}}"});
  CHECK(o_notes == std::vector<std::string>{info + "aggregation"});
  CHECK(run(st, "sum_over_time(a[5m])", {3, 7}).first.empty());
}
