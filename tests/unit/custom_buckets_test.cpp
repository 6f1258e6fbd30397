// SPDX-License-Identifier: Apache-2.0
// Native histograms with custom buckets (NHCB): differing bounds reconciled to their
// intersection by Add/Sub, aggregation, reset detection, rate and sum (3.8+; dropped before),
// and the classic-to-NHCB conversion of promqltest's load_with_nhcb (ClassicHistogram).
#include "promql/eval/custom_buckets.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "ruletest/histogram_notation.h"

using namespace caxtool;
using promql::eval::ClassicHistogram;
using promql::eval::CounterResetHint;
using promql::eval::FloatHistogram;

namespace {

FloatHistogram nhcb(std::string_view text) {
  std::string error;
  std::optional<FloatHistogram> h = ruletest::parse_single_histogram(text, error);
  INFO(error);
  REQUIRE(h);
  return *h;
}

std::string converted(const ClassicHistogram& c) {
  std::string error;
  std::optional<FloatHistogram> h = c.convert(error);
  return h ? h->test_expression() : "error: " + error;
}

}  // namespace

TEST_CASE("promql eval: custom bounds intersect") {
  using promql::eval::intersect_custom_bounds;
  CHECK(intersect_custom_bounds({1, 2, 3}, {2, 3, 4}) == std::vector<double>{2, 3});
  CHECK(intersect_custom_bounds({1, 5}, {2, 4}).empty());
  CHECK(intersect_custom_bounds({}, {1}).empty());
  CHECK(intersect_custom_bounds({-1, 0.5, 10}, {-1, 10}) == std::vector<double>{-1, 10});
}

TEST_CASE("promql eval: add and sub reconcile different custom bounds") {
  FloatHistogram a = nhcb("{{schema:-53 count:10 sum:5 custom_values:[1 2 3] buckets:[1 2 3 4]}}");
  FloatHistogram b = nhcb("{{schema:-53 count:18 sum:7 custom_values:[2 4] buckets:[5 6 7]}}");
  // Common bounds [2]: a's (,1] and (1,2] merge into (,2], its (2,3] and +Inf into +Inf.
  FloatHistogram sum = a;
  bool reconciled = false;
  REQUIRE(sum.add(b, nullptr, &reconciled));
  CHECK(reconciled);
  CHECK(sum.test_expression() == "{{schema:-53 count:28 sum:12 custom_values:[2] buckets:[8 20]}}");
  FloatHistogram diff = b;
  reconciled = false;
  REQUIRE(diff.sub(a, nullptr, &reconciled));
  CHECK(reconciled);
  CHECK(diff.test_expression() == "{{schema:-53 count:8 sum:2 custom_values:[2] buckets:[2 6]}}");
  // Disjoint bounds leave only +Inf.
  FloatHistogram c = nhcb("{{schema:-53 count:3 custom_values:[5] buckets:[1 2]}}");
  REQUIRE(c.add(a));
  CHECK(c.test_expression() == "{{schema:-53 count:13 sum:5 custom_values:[] buckets:[13]}}");
  // Equal bounds are not reconciled; a mix with exponential buckets stays an error.
  FloatHistogram same = a;
  reconciled = false;
  REQUIRE(same.add(a, nullptr, &reconciled));
  CHECK_FALSE(reconciled);
  std::string error;
  FloatHistogram exp = nhcb("{{schema:0 count:1 buckets:[1]}}");
  CHECK_FALSE(exp.add(a, &error));
  CHECK(error.find("mix of exponential and custom") != std::string::npos);
}

TEST_CASE("promql eval: reset detection and aggregation across custom bounds") {
  FloatHistogram prev = nhcb("{{schema:-53 count:6 custom_values:[1 2] buckets:[1 2 3]}}");
  // Compared on the common bound 2 and +Inf: (,2] holds 3 before.
  CHECK_FALSE(nhcb("{{schema:-53 count:7 custom_values:[2] buckets:[3 4]}}").detect_reset(prev));
  CHECK(nhcb("{{schema:-53 count:7 custom_values:[2] buckets:[2 5]}}").detect_reset(prev));
  CHECK(nhcb("{{schema:-53 count:7 custom_values:[0.5 2] buckets:[1 1 5]}}").detect_reset(prev));

  FloatHistogram x = nhcb("{{schema:-53 count:6 sum:6 custom_values:[1 2] buckets:[1 2 3]}}");
  FloatHistogram y = nhcb("{{schema:-53 count:4 sum:2 custom_values:[2 3] buckets:[1 1 2]}}");
  FloatHistogram z = nhcb("{{schema:-53 count:2 sum:1 custom_values:[2] buckets:[2]}}");
  FloatHistogram out;
  bool reconciled = false;
  REQUIRE(promql::eval::aggregate_histograms({&x, &y, &z}, false, out, &reconciled));
  CHECK(reconciled);
  CHECK(out.test_expression() == "{{schema:-53 count:12 sum:9 custom_values:[2] buckets:[6 6]}}");
  REQUIRE(promql::eval::aggregate_histograms({&x, &y, &z}, true, out, &reconciled));
  CHECK(out.test_expression() == "{{schema:-53 count:4 sum:3 custom_values:[2] buckets:[2 2]}}");
  REQUIRE(promql::eval::aggregate_histograms({&x, &x}, false, out, &reconciled));
  CHECK_FALSE(reconciled);
}

TEST_CASE("promql eval: rate and sum of histograms with different custom bounds") {
  namespace ev = promql::eval;
  ev::Storage st;
  auto put = [&](const char* name, int64_t t, std::string_view text) {
    st.append({{"__name__", name}}, t, std::make_shared<const FloatHistogram>(nhcb(text)));
  };
  put("a", 0, "{{schema:-53 count:2 sum:2 custom_values:[1 2] buckets:[1 1]}}");
  put("a", 30'000, "{{schema:-53 count:3 sum:3 custom_values:[1 2] buckets:[1 2]}}");
  put("a", 60'000, "{{schema:-53 count:4 sum:5 custom_values:[2] buckets:[2 2]}}");
  put("b", 60'000, "{{schema:-53 count:1 sum:1 custom_values:[1] buckets:[1]}}");
  auto eval = [&](std::string_view q, promql::Version v) {
    promql::ParseResult p = promql::parse(q);
    REQUIRE(p.ok());
    ev::EvalOptions opt;
    opt.version = v;
    ev::EvalResult r = ev::eval_instant(*p.expr, 60'000, st, opt);
    REQUIRE(r.ok());
    return r;
  };
  auto has_info = [](const ev::EvalResult& r) {
    for (const auto& w : r.warnings)
      if (w.find("mismatched custom buckets were reconciled") != std::string::npos) return true;
    return false;
  };
  // The TSDB starts a chunk where the bounds change, whose first histogram reads back unknown.
  ev::EvalResult raw = eval("a", promql::Version{3, 14});
  REQUIRE(raw.value.series.size() == 1);
  CHECK(raw.value.series[0].samples[0].h()->hint == CounterResetHint::kUnknown);
  // On the common bound 2 the last histogram has a reset ((,2] went from 3 to 2). increase:
  // last - first + the one before the reset, [0 2] + [3 0], 5 observed over 60s of the 2m
  // window, extrapolated by half an interval: 6.25.
  ev::EvalResult inc = eval("increase(a[2m])", promql::Version{3, 14});
  REQUIRE(inc.value.series.size() == 1);
  const FloatHistogram* h = inc.value.series[0].samples[0].h();
  REQUIRE(h);
  CHECK(h->count == Approx(6.25));
  CHECK(h->custom_values == std::vector<double>{2});
  CHECK(h->positive.buckets == std::vector<double>{3.75, 2.5});
  CHECK(has_info(inc));
  ev::EvalResult sum = eval("sum({__name__=~\"a|b\"})", promql::Version{3, 14});
  REQUIRE(sum.value.series.size() == 1);
  CHECK(sum.value.series[0].samples[0].h()->test_expression() ==
        "{{schema:-53 count:5 sum:6 custom_values:[] buckets:[5]}}");
  CHECK(has_info(sum));
  // Before 3.8 such histograms could not be combined: no result.
  CHECK(eval("increase(a[2m])", promql::Version{3, 7}).value.series.empty());
  CHECK(eval("sum({__name__=~\"a|b\"})", promql::Version{3, 7}).value.series.empty());
}

TEST_CASE("promql eval: classic histograms convert to custom buckets") {
  ClassicHistogram c;
  c.set_bucket(0.5, 2);
  c.set_bucket(HUGE_VAL, 7);
  c.set_bucket(0.1, 1);  // out of order: inserted
  c.set_bucket(0.5, 9);  // a duplicate le keeps the first count
  c.set_count(7);
  c.set_sum(3.5);
  CHECK(converted(c) == "{{schema:-53 count:7 sum:3.5 custom_values:[0.1 0.5] buckets:[1 1 5]}}");
  // Without +Inf the count closes the histogram; without the count, the highest bucket is it.
  ClassicHistogram no_inf;
  no_inf.set_bucket(1, 2);
  no_inf.set_count(5);
  CHECK(converted(no_inf) == "{{schema:-53 count:5 custom_values:[1] buckets:[2 3]}}");
  ClassicHistogram no_count;
  no_count.set_bucket(1, 2);
  no_count.set_bucket(2, 3);
  CHECK(converted(no_count) == "{{schema:-53 count:3 custom_values:[1 2] buckets:[2 1]}}");
  ClassicHistogram only_count;
  only_count.set_count(4);
  CHECK(converted(only_count) == "{{schema:-53 count:4 custom_values:[] buckets:[4]}}");
  // Errors: a count differing from +Inf's, buckets not cumulative, negative counts.
  ClassicHistogram mismatch;
  mismatch.set_bucket(HUGE_VAL, 3);
  mismatch.set_count(4);
  CHECK(converted(mismatch) == "error: count mismatch: count=4 != le=+Inf count=3");
  ClassicHistogram decreasing;
  decreasing.set_bucket(1, 5);
  decreasing.set_bucket(2, 4);
  CHECK(converted(decreasing) == "error: count is not cumulative: 4 < 5");
  ClassicHistogram inserted;
  inserted.set_bucket(3, 5);
  inserted.set_bucket(1, 6);
  CHECK(converted(inserted) == "error: count is not cumulative: 6 > 5");
  ClassicHistogram negative;
  negative.set_count(-1);
  CHECK(converted(negative) == "error: count must be non-negative: count=-1");
}

TEST_CASE("promql eval: histogram_fraction of classic buckets") {
  namespace ev = promql::eval;
  ev::Storage st;
  for (auto [le, n] : {std::pair{"1", 2.0}, {"2", 6.0}, {"+Inf", 8.0}})
    st.append({{"__name__", "x_bucket"}, {"job", "a"}, {"le", le}}, 0, n);
  st.append({{"__name__", "y_bucket"}, {"le", "1"}}, 0, 1.0);  // no +Inf bucket: NaN
  auto eval = [&](std::string_view q, promql::Version v) {
    promql::ParseResult p = promql::parse(q);
    REQUIRE(p.ok());
    ev::EvalOptions opt;
    opt.version = v;
    ev::EvalResult r = ev::eval_instant(*p.expr, 0, st, opt);
    REQUIRE(r.ok());
    return r.value;
  };
  // (0, 1] counts 2, half of (1, 2] counts 2 more: 4 of 8, under the labels without le and name.
  promql::eval::Value v = eval("histogram_fraction(0, 1.5, x_bucket)", promql::Version{3, 14});
  REQUIRE(v.series.size() == 1);
  CHECK(promql::eval::format_labels(v.series[0].labels) == "{job=\"a\"}");
  CHECK(v.series[0].samples[0].v == 0.5);
  // (1, 2] counts 4, nothing is interpolated in the +Inf bucket; lower >= upper is 0.
  CHECK(
      eval("histogram_fraction(1, 100, x_bucket)", promql::Version{3, 14}).series[0].samples[0].v ==
      0.5);
  CHECK(eval("histogram_fraction(2, 1, x_bucket)", promql::Version{3, 14}).series[0].samples[0].v ==
        0);
  promql::eval::Value y = eval("histogram_fraction(0, 1, y_bucket)", promql::Version{3, 14});
  REQUIRE(y.series.size() == 1);
  CHECK(std::isnan(y.series[0].samples[0].v));
  // Before 3.4 histogram_fraction read native histograms only.
  CHECK(eval("histogram_fraction(0, 1.5, x_bucket)", promql::Version{3, 3}).series.empty());
}
