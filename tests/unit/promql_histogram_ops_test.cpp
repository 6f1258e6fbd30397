// SPDX-License-Identifier: Apache-2.0
// Native histograms through the operators and functions that compare, count or skip them:
// == and != between histograms, comparisons with floats dropping the sample (also under
// `bool`), changes/resets over mixed windows, sum_over_time/avg_over_time of histograms and
// the functions that ignore histogram samples.
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "ruletest/histogram_notation.h"

using namespace caxtool;
namespace ev = promql::eval;
using ev::FloatHistogram;

namespace {

std::shared_ptr<const FloatHistogram> hist(std::string_view text) {
  std::string error;
  std::optional<FloatHistogram> h = ruletest::parse_single_histogram(text, error);
  INFO(error);
  REQUIRE(h);
  return std::make_shared<const FloatHistogram>(*h);
}

struct Fixture {
  ev::Storage st;
  Fixture() {
    auto a = hist("{{count:4 sum:4 buckets:[1 2 1]}}");
    auto b = hist("{{count:5 sum:4.5 buckets:[1 3 1]}}");
    auto c = hist("{{count:2 sum:1 buckets:[1 1]}}");  // a reset after b
    st.append({{"__name__", "l"}}, 0, a);
    st.append({{"__name__", "l"}}, 60'000, b);
    st.append({{"__name__", "l"}}, 120'000, c);
    st.append({{"__name__", "r"}}, 0, a);
    st.append({{"__name__", "r"}}, 60'000, a);
    st.append({{"__name__", "r"}}, 120'000, 3.0);
    st.append({{"__name__", "f"}}, 0, 1.0);
  }
  ev::EvalResult eval(std::string_view q, int64_t t) {
    promql::ParseOptions o;
    o.enable_experimental_functions = true;
    promql::ParseResult p = promql::parse(q, o);
    INFO(q);
    REQUIRE(p.ok());
    ev::EvalResult r = ev::eval_instant(*p.expr, t, st);
    REQUIRE(r.ok());
    return r;
  }
  // The single float result, or NaN when there is none.
  double value(std::string_view q, int64_t t) {
    ev::EvalResult r = eval(q, t);
    if (r.value.type == promql::ValueType::kScalar) return r.value.scalar;
    if (r.value.series.size() != 1 || r.value.series[0].samples[0].h()) return -1;
    return r.value.series[0].samples[0].v;
  }
  std::string histogram(std::string_view q, int64_t t) {
    ev::EvalResult r = eval(q, t);
    REQUIRE(r.value.series.size() == 1);
    const FloatHistogram* h = r.value.series[0].samples[0].h();
    REQUIRE(h);
    return h->test_expression();
  }
  size_t count(std::string_view q, int64_t t) { return eval(q, t).value.series.size(); }
};

}  // namespace

TEST_CASE("promql eval: == and != between native histograms") {
  Fixture f;
  // Equal at 0: the left histogram is the result (its name goes with `ignoring`).
  ev::EvalResult r = f.eval("l == ignoring(__name__) r", 0);
  REQUIRE(r.value.series.size() == 1);
  CHECK(r.value.series[0].labels.empty());
  REQUIRE(r.value.series[0].samples[0].h());
  CHECK(r.value.series[0].samples[0].h()->test_expression() == "{{count:4 sum:4 buckets:[1 2 1]}}");
  // A filter keeps the name.
  CHECK(f.eval("l == l", 0).value.series[0].labels == ev::Labels{{"__name__", "l"}});
  CHECK(f.count("l != ignoring(__name__) r", 0) == 0);
  CHECK(f.count("l == ignoring(__name__) r", 60'000) == 0);
  CHECK(f.count("l != ignoring(__name__) r", 60'000) == 1);
  CHECK(f.value("l == bool ignoring(__name__) r", 0) == 1);
  CHECK(f.value("l == bool ignoring(__name__) r", 60'000) == 0);
  CHECK(f.value("l != bool ignoring(__name__) r", 60'000) == 1);
}

TEST_CASE("promql eval: comparisons of a histogram with a float drop it") {
  Fixture f;
  for (const char* q : {"l > 0", "l == 0", "l != 0", "0 < l", "l >= bool 0", "3 == bool l",
                        "l < ignoring(__name__) f", "l > bool ignoring(__name__) f",
                        "l > ignoring(__name__) r", "l <= bool ignoring(__name__) r"}) {
    INFO(q);
    CHECK(f.count(q, 0) == 0);
  }
  // Histograms pass neither ^ nor % nor atan2, nor division of or by a histogram.
  for (const char* q : {"l ^ 2", "l % 2", "l atan2 2", "2 / l", "l / ignoring(__name__) r"}) {
    INFO(q);
    CHECK(f.count(q, 0) == 0);
  }
  CHECK(f.histogram("2 * l / 4", 0) == "{{count:2 sum:2 buckets:[0.5 1 0.5]}}");
  CHECK(f.histogram("l * 0", 0) == "{{}}");  // compacted, as Prometheus's Mul(0).Compact(0)
  // Floats beside histograms still compare.
  CHECK(f.value("f > 0", 0) == 1);
}

TEST_CASE("promql eval: changes and resets over windows of histograms and floats") {
  Fixture f;
  // l: a, b (a change), c (a change and a reset: counts went down).
  CHECK(f.value("changes(l[5m])", 120'000) == 2);
  CHECK(f.value("resets(l[5m])", 120'000) == 1);
  CHECK(f.value("resets(l[5m])", 60'000) == 0);
  // r: a, a (no change), 3 (a switch to a float: a change and a reset).
  CHECK(f.value("changes(r[5m])", 60'000) == 0);
  CHECK(f.value("changes(r[5m])", 120'000) == 1);
  CHECK(f.value("resets(r[5m])", 120'000) == 1);
}

TEST_CASE("promql eval: irate and idelta of histograms") {
  Fixture f;
  // a -> b over 60s: the difference per second, a gauge.
  CHECK(f.histogram("irate(l[5m])", 60'000) ==
        "{{count:0.016666666666666666 sum:0.008333333333333333 counter_reset_hint:gauge "
        "offset:1 buckets:[0.016666666666666666]}}");
  CHECK(f.histogram("idelta(l[5m])", 60'000) ==
        "{{count:1 sum:0.5 counter_reset_hint:gauge offset:1 buckets:[1]}}");
  // b -> c is a reset: irate takes c alone.
  CHECK(f.histogram("irate(l[5m])", 120'000).rfind("{{count:0.03333333333333333 ", 0) == 0);
  // A histogram then a float: no result.
  CHECK(f.count("irate(r[5m])", 120'000) == 0);
  CHECK(f.count("idelta(r[5m])", 60'000) == 1);
}

TEST_CASE("promql eval: sum_over_time and avg_over_time of histograms") {
  Fixture f;
  CHECK(f.histogram("sum_over_time(l[5m])", 60'000).rfind("{{count:9 sum:8.5 ", 0) == 0);
  CHECK(f.histogram("avg_over_time(l[5m])", 60'000).rfind("{{count:4.5 sum:4.25 ", 0) == 0);
  // Floats and histograms in one window: no result.
  CHECK(f.count("sum_over_time(r[5m])", 120'000) == 0);
  CHECK(f.count("avg_over_time(r[5m])", 120'000) == 0);
  CHECK(f.value("sum_over_time(r[30s])", 120'000) == 3);
}

TEST_CASE("promql eval: functions that ignore histogram samples") {
  Fixture f;
  CHECK(f.count("max_over_time(l[5m])", 120'000) == 0);
  CHECK(f.value("max_over_time(r[5m])", 120'000) == 3);
  CHECK(f.count("max_over_time(sum(l)[5m:1m])", 120'000) == 0);
  CHECK(f.value("count_over_time(r[5m])", 120'000) == 3);
  CHECK(f.value("timestamp(l)", 60'000) == 60);
  CHECK(f.value("ts_of_first_over_time(r[5m])", 120'000) == 0);
  CHECK(f.count(R"(sort_by_label(l or ignoring(__name__) f, "x"))", 0) == 1);
  CHECK(std::isnan(f.value("scalar(l)", 0)));
  CHECK(std::isnan(f.value("scalar(sum(l))", 0)));
  CHECK(f.value("scalar(f or l)", 0) == 1);
  CHECK(f.count(R"(sort(label_replace(sum(l), "x", "1", "", "") or f))", 0) == 1);
  CHECK(f.count("hour(sum(l))", 0) == 0);
  // A histogram is a sample: absent sees it.
  CHECK(f.count("absent(l)", 0) == 0);
}

TEST_CASE("promql eval: aggregations of native histograms") {
  Fixture f;
  // limitk keeps histograms as they are; topk, bottomk, min, max, stddev, quantile skip them.
  CHECK(f.histogram("limitk(1, l)", 0) == "{{count:4 sum:4 buckets:[1 2 1]}}");
  CHECK(f.count("topk(5, l or on(__name__) f)", 0) == 1);
  CHECK(f.count("bottomk(5, sum(l))", 0) == 0);
  CHECK(f.count("max(l)", 0) == 0);
  CHECK(f.count("stddev(l)", 0) == 0);
  CHECK(f.count("quantile(0.5, l)", 0) == 0);
  CHECK(f.value("count(l)", 0) == 1);
  // count_values names a histogram by its String() form.
  ev::EvalResult r = f.eval(R"(count_values("v", l))", 0);
  REQUIRE(r.value.series.size() == 1);
  CHECK(r.value.series[0].labels ==
        ev::Labels{{"v", "{count:4, sum:4, (0.5,1]:1, (1,2]:2, (2,4]:1}"}});
}

TEST_CASE("promql eval: trimming native histograms") {
  Fixture f;
  // Custom buckets interpolate linearly: (0,5] keeps 4/5 of its count above 1.
  f.st.append({{"__name__", "c"}}, 0,
              hist("{{schema:-53 sum:33 count:101 custom_values:[5] buckets:[1 100]}}"));
  CHECK(f.histogram("c >/ 1", 0) ==
        "{{schema:-53 count:100.8 sum:502.4 custom_values:[5] "
        "buckets:[0.8 100]}}");
  // The name stays; a bound beyond every bucket keeps or empties the histogram.
  CHECK(f.eval("l </ +Inf", 0).value.series[0].labels == ev::Labels{{"__name__", "l"}});
  CHECK(f.histogram("l </ +Inf", 0) == "{{count:4 sum:4 buckets:[1 2 1]}}");
  CHECK(f.histogram("l >/ +Inf", 0) == "{{}}");
  // Floats and a histogram on the right are not trimmed.
  CHECK(f.count("f </ 1", 0) == 0);
  CHECK(f.count("1 </ l", 0) == 0);
  promql::ParseResult p = promql::parse("1 </ 2");
  REQUIRE(p.ok());
  CHECK(ev::eval_instant(*p.expr, 0, f.st).error ==
        R"(operator "</" not allowed for Scalar operations)");
}

TEST_CASE("promql eval: histogram_quantiles names each quantile") {
  Fixture f;
  f.st.append({{"__name__", "b_bucket"}, {"le", "1"}, {"x", "1"}}, 0, 1.0);
  f.st.append({{"__name__", "b_bucket"}, {"le", "+Inf"}, {"x", "1"}}, 0, 2.0);
  ev::EvalResult r = f.eval(R"(histogram_quantiles(l or b_bucket, "q", 0, 0.5, 1))", 0);
  std::map<std::string, double> got;
  for (const auto& s : r.value.series) got[ev::format_labels(s.labels)] = s.samples[0].v;
  // Quantiles as OpenMetrics floats ("0.0", "1.0"); a native and a classic histogram each.
  CHECK(got.size() == 6);
  CHECK(got.count(R"({q="0.0"})") == 1);
  CHECK(got.count(R"({q="1.0"})") == 1);
  CHECK(got.at(R"({q="0.5"})") == Approx(std::sqrt(2.0)));  // the native one: (1,2] midway
  CHECK(got.at(R"({q="0.5", x="1"})") == 1);                // the classic one
  // A label the input already has is overwritten; colliding results are an error.
  promql::ParseOptions o;
  o.enable_experimental_functions = true;
  promql::ParseResult p = promql::parse(R"(histogram_quantiles(l or b_bucket, "le", 0.5, 0.5))", o);
  REQUIRE(p.ok());
  CHECK_FALSE(ev::eval_instant(*p.expr, 0, f.st).ok());
}

TEST_CASE("promql eval: annotations where histograms are dropped") {
  Fixture f;
  auto warnings = [&](std::string_view q, int64_t t) { return f.eval(q, t).warnings; };
  using W = std::vector<std::string>;
  CHECK(warnings("l > 0", 0) ==
        W{R"(PromQL info: incompatible sample types encountered for binary operator ">": )"
          "histogram > float"});
  CHECK(warnings("2 / l", 0) ==
        W{R"(PromQL info: incompatible sample types encountered for binary operator "/": )"
          "float / histogram"});
  CHECK(warnings("l == l", 0).empty());
  CHECK(warnings("max(l)", 0) == W{"PromQL info: ignored histogram in max aggregation"});
  CHECK(warnings("max_over_time(r[5m])", 120'000) ==
        W{"PromQL info: ignored histograms in a range containing both floats and histograms "
          R"(for metric name "r")"});
  CHECK(warnings("max_over_time(l[5m])", 120'000).empty());  // no float: no result, no note
  CHECK(warnings("sum_over_time(r[5m])", 120'000) ==
        W{R"(PromQL warning: encountered a mix of histograms and floats for metric name "r")"});
  // Once per query, however many samples or steps.
  promql::ParseResult p = promql::parse("l > 0");
  REQUIRE(p.ok());
  CHECK(ev::eval_range(*p.expr, 0, 120'000, 10'000, f.st).warnings.size() == 1);
}
