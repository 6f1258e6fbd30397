// SPDX-License-Identifier: Apache-2.0
// Native histograms: the FloatHistogram type (bounds, Add/Sub across schemas and zero
// thresholds, reset detection, TestExpression) and the `{{...}}` notation with its `x` and
// `+`/`-` expansion as promqltest reads it, then the engine's selection and functions.
#include <catch2/catch.hpp>
#include <cmath>

#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "ruletest/histogram_notation.h"
#include "ruletest/series.h"

using namespace caxtool;
using promql::eval::CounterResetHint;
using promql::eval::FloatHistogram;

namespace {

FloatHistogram hist(std::string_view text) {
  std::string error;
  std::optional<FloatHistogram> h = ruletest::parse_single_histogram(text, error);
  INFO(error);
  REQUIRE(h);
  return *h;
}

std::string notation_error(std::string_view values) {
  std::vector<std::optional<double>> out;
  ruletest::HistogramValues hs;
  ruletest::NotationError err;
  REQUIRE_FALSE(ruletest::parse_values(values, out, err, 1000, &hs));
  return std::to_string(err.offset) + ": " + err.message;
}

}  // namespace

TEST_CASE("native_histogram: the notation's fields") {
  FloatHistogram h = hist(
      "{{schema:1 sum:-0.3 count:32.1 z_bucket:7.1 z_bucket_w:0.05 buckets:[5.1 10 7] offset:-3 "
      "n_buckets:[4.1 5] n_offset:-5 counter_reset_hint:gauge}}");
  CHECK(h.schema == 1);
  CHECK(h.sum == -0.3);
  CHECK(h.count == 32.1);
  CHECK(h.zero_count == 7.1);
  CHECK(h.zero_threshold == 0.05);
  CHECK(h.positive.offset == -3);
  CHECK(h.positive.buckets == std::vector<double>{5.1, 10, 7});
  CHECK(h.negative.offset == -5);
  CHECK(h.negative.buckets == std::vector<double>{4.1, 5});
  CHECK(h.hint == CounterResetHint::kGauge);
  CHECK(h.test_expression() ==
        "{{schema:1 count:32.1 sum:-0.3 z_bucket:7.1 z_bucket_w:0.05 counter_reset_hint:gauge "
        "offset:-3 buckets:[5.1 10 7] n_offset:-5 n_buckets:[4.1 5]}}");
  // Defaults are left out, empty edge buckets compacted away.
  CHECK(hist("{{}}").test_expression() == "{{}}");
  CHECK(hist("{{ buckets:[0 0 3 0] }}").test_expression() == "{{offset:2 buckets:[3]}}");
  CHECK(hist("{{SUM:Inf COUNT:NaN}}").test_expression() == "{{count:NaN sum:+Inf}}");
}

TEST_CASE("native_histogram: notation errors") {
  CHECK(notation_error("{{sum:1 bukets:[1]}}") == "8: bad histogram descriptor found: \"bukets\"");
  CHECK(notation_error("{{sum 1}}") == "2: missing `:` for histogram descriptor");
  CHECK(notation_error("{{sum:1 sum:2}}") == "8: duplicate key \"sum\" in histogram");
  CHECK(notation_error("{{buckets:[1 2}}") ==
        "14: unexpected character \"}\" in histogram description");
  CHECK(notation_error("{{schema:12}}") ==
        "2: histogram schema 12 is not valid (-4 to 8, or -53 for custom buckets)");
  CHECK(notation_error("{{buckets:[1] offset:-2147483648}}") ==
        "14: histogram offset -2147483648 is out of range (±16777216)");
  CHECK(notation_error("{{count:1}}+{{count:1}}") ==
        "23: unexpected end of input in series values");
  CHECK(notation_error("{{schema:1}}+{{schema:0}}x2") ==
        "0: error combining histograms: cannot merge from schema 0 to 1");
}

TEST_CASE("native_histogram: expansion as promqltest's") {
  std::vector<std::optional<double>> out;
  ruletest::HistogramValues hs;
  ruletest::NotationError err;
  REQUIRE(ruletest::parse_values(
      "1 {{sum:3 count:2 buckets:[2]}}x2 _ {{sum:3 count:2 buckets:[2]}}+{{sum:1.5 count:1 "
      "buckets:[1] offset:1}}x2 {{count:5}}-{{count:1}}x1",
      out, err, 1000, &hs));
  REQUIRE(out.size() == 10);
  CHECK(out[0] == 1.0);
  REQUIRE(hs.size() == 8);
  CHECK(hs[0].first == 1);
  CHECK(hs[0].second == hs[2].second);  // xN repeats one histogram
  CHECK(hs[3].first == 5);
  CHECK(hs[5].second->test_expression() == "{{count:4 sum:6 buckets:[2 2]}}");
  CHECK(hs[7].second->test_expression() == "{{count:4}}");
  // 2.42's notation has no histograms: `{{` is the lexer's error.
  std::vector<std::optional<double>> plain;
  CHECK_FALSE(ruletest::parse_values("{{count:1}}", plain, err));
  CHECK(err.message == "unexpected character in series sequence: '{'");
}

TEST_CASE("native_histogram: bounds, schema reduction, zero buckets") {
  FloatHistogram h = hist("{{schema:1 buckets:[1]}}");
  CHECK(h.bound(0) == 1);
  CHECK(h.bound(1) == std::sqrt(2.0));
  CHECK(h.bound(2) == 2);
  CHECK(h.bound(-1) == std::sqrt(0.5));
  FloatHistogram coarse = hist("{{schema:-2 buckets:[1]}}");
  CHECK(coarse.bound(1) == 16);
  // Adding a schema-0 histogram reduces schema 1's buckets pairwise.
  FloatHistogram a = hist("{{schema:1 count:4 sum:4 buckets:[1 1 1 1]}}");
  REQUIRE(a.add(hist("{{count:1 sum:1 buckets:[1]}}")));
  CHECK(a.test_expression() == "{{count:5 sum:5 buckets:[2 2 1]}}");
  // The larger zero threshold wins and swallows the buckets below it.
  FloatHistogram z = hist("{{count:3 z_bucket:1 z_bucket_w:0.001 buckets:[1 1] offset:-1}}");
  REQUIRE(z.add(hist("{{count:1 z_bucket:1 z_bucket_w:0.5}}")));
  CHECK(z.test_expression() == "{{count:4 z_bucket:3 z_bucket_w:0.5 buckets:[1]}}");
  // Custom buckets do not mix with exponential ones (differing bounds: custom_buckets_test).
  FloatHistogram c = hist("{{schema:-53 custom_values:[1 2] buckets:[1]}}");
  std::string why;
  CHECK_FALSE(c.add(hist("{{schema:0 buckets:[1]}}"), &why));
  CHECK_FALSE(why.empty());
}

TEST_CASE("native_histogram: counter reset detection") {
  FloatHistogram prev = hist("{{count:5 buckets:[2 3]}}");
  CHECK_FALSE(hist("{{count:6 buckets:[2 4]}}").detect_reset(prev));
  CHECK(hist("{{count:6 buckets:[3 2 1]}}").detect_reset(prev));  // a bucket went down
  CHECK(hist("{{count:4 buckets:[2 2]}}").detect_reset(prev));
  CHECK(hist("{{schema:1 count:6 buckets:[2 4]}}").detect_reset(prev));  // finer schema
  CHECK(hist("{{count:9 buckets:[2 3] counter_reset_hint:reset}}").detect_reset(prev));
}

TEST_CASE("native_histogram: the engine selects and evaluates histogram samples") {
  namespace ev = promql::eval;
  ev::Storage st;
  auto h = std::make_shared<const FloatHistogram>(
      hist("{{schema:0 count:6 sum:9 z_bucket:1 z_bucket_w:0.001 buckets:[1 4] n_buckets:[1]}}"));
  st.append({{"__name__", "h"}}, 0, h);
  st.append({{"__name__", "h"}}, 60'000, h);
  st.append({{"__name__", "f"}}, 0, 2.0);
  auto eval = [&](std::string_view q, int64_t t) {
    promql::ParseResult p = promql::parse(q);
    REQUIRE(p.ok());
    ev::EvalResult r = ev::eval_instant(*p.expr, t, st);
    REQUIRE(r.ok());
    return r;
  };
  ev::EvalResult r = eval("h", 90'000);
  REQUIRE(r.value.series.size() == 1);
  REQUIRE(r.value.series[0].samples[0].h());
  // Read back after another histogram of its series: the TSDB's not_reset hint.
  CHECK(r.value.series[0].samples[0].h()->hint == CounterResetHint::kNotReset);
  CHECK(eval("histogram_count(h)", 0).value.series[0].samples[0].v == 6);
  CHECK(eval("histogram_avg(h)", 0).value.series[0].samples[0].v == 1.5);
  // Forward for q < 0.5 into the negative bucket (-1, -0.5], log-interpolated.
  CHECK(eval("histogram_quantile(0.1, h)", 0).value.series[0].samples[0].v ==
        Approx(-std::exp2(-0.6)).epsilon(1e-12));
  // In the zero bucket: linear.
  CHECK(eval("histogram_quantile(0.25, h)", 0).value.series[0].samples[0].v ==
        Approx(0.0).margin(0.001));
  CHECK(eval("histogram_fraction(0, 1, h)", 0).value.series[0].samples[0].v ==
        Approx(1.5 / 6).epsilon(1e-12));
  // Float functions and operators drop histogram samples.
  CHECK(eval("abs(h)", 0).value.series.empty());
  CHECK(eval("h > 1", 0).value.series.empty());
  CHECK(eval("h + 1", 0).value.series.empty());
  // Arithmetic, aggregation and rate have histogram forms.
  auto hist_of = [&](std::string_view q, int64_t t) {
    ev::EvalResult x = eval(q, t);
    REQUIRE(x.value.series.size() == 1);
    REQUIRE(x.value.series[0].samples[0].h());
    return x.value.series[0].samples[0].h()->test_expression();
  };
  CHECK(hist_of("h * 2", 0) ==
        "{{count:12 sum:18 z_bucket:2 z_bucket_w:0.001 buckets:[2 8] n_buckets:[2]}}");
  CHECK(hist_of("-h", 0) ==
        "{{count:-6 sum:-9 z_bucket:-1 z_bucket_w:0.001 counter_reset_hint:gauge buckets:[-1 -4] "
        "n_buckets:[-1]}}");
  CHECK(hist_of("sum(h) - h", 60'000) == "{{z_bucket_w:0.001 counter_reset_hint:gauge}}");
  // A constant histogram has no increase.
  CHECK(hist_of("increase(h[2m])", 60'000) == "{{z_bucket_w:0.001 counter_reset_hint:gauge}}");
  CHECK(hist_of("sum_over_time(h[5m])", 60'000).rfind("{{count:12 sum:18 ", 0) == 0);
  CHECK(eval("abs(f)", 0).value.series.size() == 1);
}

TEST_CASE("native_histogram: the String() form count_values names histograms by") {
  auto h = hist(
      "{{schema:0 sum:10 count:20 z_bucket_w:0.001 z_bucket:2 buckets:[1 2] n_buckets:[1 2]}}");
  CHECK(h.to_string() ==
        "{count:20, sum:10, [-2,-1):2, [-1,-0.5):1, [-0.001,0.001]:2, (0.5,1]:1, (1,2]:2}");
  auto c = hist("{{schema:-53 sum:1 count:3 custom_values:[5 10] buckets:[1 0 2]}}");
  CHECK(c.to_string() == "{count:3, sum:1, [-Inf,5]:1, (10,+Inf]:2}");
}
