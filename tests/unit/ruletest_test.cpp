// SPDX-License-Identifier: Apache-2.0
// lib/ruletest's parts that need no engine: the series notation, the test-file loader and
// promtool's texts; and lib/gotemplate's executor with Prometheus's functions.
#include <catch2/catch.hpp>
#include <cmath>

#include "gotemplate/exec.h"
#include "ruletest/report.h"
#include "ruletest/series.h"
#include "ruletest/test_file.h"

using namespace caxtool;

namespace {

std::vector<std::optional<double>> values(std::string_view s) {
  std::vector<std::optional<double>> out;
  ruletest::NotationError err;
  REQUIRE(ruletest::parse_values(s, out, err));
  return out;
}

std::string expand(std::string_view text, double value = 0,
                   gotemplate::StringMap labels = {{"instance", "host:9090"}, {"job", "node"}}) {
  gotemplate::AlertData data;
  data.labels = std::move(labels);
  data.external_labels = {{"cluster", "eu1"}};
  data.external_url = "http://prom.example.com/prometheus";
  data.value = value;
  gotemplate::ExpandOptions o;
  o.name = "__alert_Test";
  o.query = [](const std::string& q, std::vector<gotemplate::QuerySample>& out,
               std::string& error) {
    if (q == "bad") {
      error = "1:1: parse error: boom";
      return false;
    }
    out = {{{{"__name__", "up"}, {"job", "b"}}, 0}, {{{"__name__", "up"}, {"job", "a"}}, 1.5}};
    return true;
  };
  gotemplate::ExpandResult r = gotemplate::expand_alert_template(text, data, o);
  return r.error ? "ERROR: " + *r.error : r.text;
}

}  // namespace

TEST_CASE("ruletest: series notation expands like Prometheus") {
  CHECK(values("1+2x3") == std::vector<std::optional<double>>{1, 3, 5, 7});
  CHECK(values("-1-1x2") == std::vector<std::optional<double>>{-1, -2, -3});
  CHECK(values("5x2 _ _x2 3") ==
        std::vector<std::optional<double>>{5, 5, 5, std::nullopt, std::nullopt, std::nullopt, 3});
  auto v = values("Inf -Inf NaN stale 1e3 0x10");
  REQUIRE(v.size() == 16);
  CHECK(std::isinf(*v[0]));
  CHECK(*v[1] < 0);
  CHECK(std::isnan(*v[2]));
  CHECK(std::isnan(*v[3]));
  CHECK(*v[4] == 1000);
  CHECK(*v[15] == 0);  // 0x10 is 0 repeated, never hexadecimal
}

TEST_CASE("ruletest: bad series values are refused at promtool's column") {
  ruletest::NotationError err;
  auto s = ruletest::parse_series("up{job=\"a\",instance=\"i1\"}", "1 1 0 0 0 0 foo", err);
  CHECK_FALSE(s);
  CHECK(err.offset == 38);
  CHECK(err.message ==
        "unexpected identifier \"foo\" in series values, expected number or \"stale\"");
  std::vector<std::optional<double>> out;
  CHECK_FALSE(ruletest::parse_values("1x99999999999", out, err, 1000));
}

TEST_CASE("ruletest: bad notations fail with goyacc's and the lexer's messages") {
  // (values, offset into "a " + values, message), each checked against promtool 2.42.
  struct Case {
    const char* values;
    size_t offset;
    const char* message;
  };
  const Case cases[] = {
      {"1 _2", 5, "unexpected number \"2\""},  // bare: the start rule's error
      {"1 2x3x4", 7, "unexpected \"x\""},
      {"1x-1", 4, "unexpected <op:-> in series values"},  // inside an item
      {"1x", 4, "unexpected end of input in series values"},
      {"1 .5.5", 6, "unexpected number \".5\""},
      {"1 1e", 4, "error parsing number: strconv.ParseFloat: parsing \"1e\": invalid syntax"},
      {"1 1_000", 4, "bad number syntax: \"1\""},
      {"1 0x1f", 6, "bad number syntax: \"1\""},
      {"1 sum", 4, "unexpected <aggr:sum>"},
      {"1 a:b", 4, "unexpected metric identifier \"a:b\""},
      {"1 _12345678901", 5, "unexpected number \"1234567890\"..."},
      {"1 stalex2", 4,
       "unexpected identifier \"stalex2\" in series values, expected number or \"stale\""},
      {"1 (", 4, "unexpected character in series sequence: '('"},
      {"1 1x2.5", 6,
       "invalid repetition in series values: strconv.ParseUint: parsing \"2.5\": invalid syntax"},
  };
  for (const Case& c : cases) {
    INFO(c.values);
    ruletest::NotationError err;
    CHECK_FALSE(ruletest::parse_series("a", c.values, err, 1000));
    CHECK(err.message == c.message);
    CHECK(err.offset == c.offset);
  }
  ruletest::NotationError err;
  auto octal = ruletest::parse_series("a", "010 1x2 ", err, 1000);  // ParseInt base 0; trimmed
  REQUIRE(octal);
  CHECK(octal->values == std::vector<std::optional<double>>{8, 1, 1, 1});
}

TEST_CASE("ruletest: a refused test file gets yaml.v2's one error") {
  auto r = ruletest::load_test_file(
      "rule_files: x\nevaluation_interval: [1]\ntests: 3\nbogus: averyveryverylongvalue\n", "t.yml",
      promql::Version{2, 42});
  CHECK_FALSE(r.ok());
  CHECK(r.go_error ==
        "yaml: unmarshal errors:\n"
        "  line 1: cannot unmarshal !!str `x` into []string\n"
        "  line 2: cannot unmarshal !!seq into string\n"
        "  line 3: cannot unmarshal !!int `3` into []main.testGroup\n"
        "  line 4: field bogus not found in type main.unitTestFile");
  // A bad duration fails the whole decode, alone; a repeated field keeps its first value.
  auto d = ruletest::load_test_file("tests: 3\nevaluation_interval: 1x\n", "t.yml",
                                    promql::Version{2, 42});
  CHECK(d.go_error == "not a valid duration string: \"1x\"");
  auto twice = ruletest::load_test_file("evaluation_interval: 2m\nevaluation_interval: 3m\n",
                                        "t.yml", promql::Version{2, 42});
  CHECK(twice.file.evaluation_interval_ms == 120'000);
  CHECK(twice.go_error ==
        "yaml: unmarshal errors:\n  line 2: field evaluation_interval already set in type "
        "main.unitTestFile");
  auto syntax = ruletest::load_test_file("tests:\n- interval: 1m\n  input_series: [\n", "t.yml",
                                         promql::Version{2, 42});
  CHECK(syntax.go_error == "yaml: line 3: did not find expected node content");
}

TEST_CASE("ruletest: a repetition count too large to expand is refused, not wrapped") {
  // 2^64-1 repetitions: counting the first value too wraps to 0, which once let it through.
  for (const char* values : {"1+2x18446744073709551615", "1x18446744073709551615"}) {
    ruletest::NotationError err;
    auto s = ruletest::parse_series("up", values, err, 1000);
    CHECK(!s);
    CHECK(err.message.find("more than 1000 values") != std::string::npos);
  }
}

TEST_CASE("ruletest: series labels parse as a metric") {
  ruletest::NotationError err;
  auto ls = ruletest::parse_metric("up{job=\"a\", instance=\"x\"}", err);
  REQUIRE(ls);
  CHECK(*ls == ruletest::LabelPairs{{"__name__", "up"}, {"instance", "x"}, {"job", "a"}});
  CHECK_FALSE(ruletest::parse_metric("up{job=~\"a\"}", err));
}

TEST_CASE("ruletest: test file loader refuses what yaml.v2 strict refuses") {
  auto r = ruletest::load_test_file(
      "rule_files: [a.yml]\nevaluation_interval: 30s\ntests:\n- interval: 1m\n  bogus: 1\n"
      "  promql_expr_test:\n  - expr: up\n    eval_time: 5x\n    exp_samples:\n"
      "    - labels: up\n      value: \"1\"\n",
      "t.yml", promql::Version{2, 42});
  REQUIRE(r.diagnostics.size() == 3);
  const auto& items = r.diagnostics.items();
  CHECK(items[0].line == 5);
  CHECK(items[0].message == "field bogus not found in type main.testGroup");
  CHECK(items[1].line == 8);
  CHECK(items[1].message == "not a valid duration string: \"5x\"");
  CHECK(items[2].message == "cannot unmarshal !!str `1` into float64");
  CHECK(r.file.evaluation_interval_ms == 30'000);
}

TEST_CASE("ruletest: promtool's float and duration texts") {
  CHECK(ruletest::format_float_e(3) == "3E+00");
  CHECK(ruletest::format_float_e(0.25) == "2.5E-01");
  CHECK(ruletest::format_float_e(-INFINITY) == "-Inf");
  CHECK(ruletest::go_duration(0) == "0s");
  CHECK(ruletest::go_duration(90'000) == "1m30s");
}

TEST_CASE("gotemplate: alert data and prelude variables") {
  CHECK(expand("{{ $labels.instance }} of {{ .Labels.job }} = {{ $value }}", 0.5) ==
        "host:9090 of node = 0.5");
  CHECK(expand("{{ $externalLabels.cluster }} {{ $externalURL }}") ==
        "eu1 http://prom.example.com/prometheus");
  CHECK(expand("{{ $labels.missing }}|") == "|");
  CHECK(expand("{{ $value }}", 1e6) == "1e+06");
  CHECK(expand("{{ $value }}", 123456) == "123456");
}

TEST_CASE("gotemplate: Prometheus humanize functions") {
  CHECK(expand("{{ humanize 1234567.0 }}") == "1.235M");
  CHECK(expand("{{ humanize 0.0012 }}") == "1.2m");
  CHECK(expand("{{ humanize1024 1048576.0 }}") == "1Mi");
  CHECK(expand("{{ humanizeDuration 3725.5 }}") == "1h 2m 5s");
  CHECK(expand("{{ humanizeDuration 0.25 }}") == "250ms");
  CHECK(expand("{{ humanizePercentage 0.1234 }}") == "12.34%");
  CHECK(expand("{{ humanizeTimestamp 1435065584.128 }}") == "2015-06-23 13:19:44.128 +0000 UTC");
  CHECK(expand("{{ $value | humanize }}", 2500) == "2.5k");
  CHECK(expand("{{ humanize \"x\" }}").starts_with("ERROR: error executing template"));
}

TEST_CASE("gotemplate: times beyond int64 convert as Go does on amd64, never crash") {
  // int64(1e30) is math.MinInt64 in Go; in C++ the cast is undefined, and once crashed.
  CHECK(expand("{{ humanizeDuration $value }}", 1e30) == "-106751991167300d -15h -30m -8s");
  CHECK(expand("{{ humanizeDuration $value }}", -1e30) == "--106751991167300d -15h -30m -8s");
  CHECK(expand("{{ humanizeDuration $value }}", -0.0) == "-0s");
  // Milliseconds survive floatToTime; beyond int64 nanoseconds is an error.
  CHECK(expand("{{ humanizeTimestamp $value }}", 1.0000001) == "1970-01-01 00:00:01 +0000 UTC");
  CHECK(expand("{{ humanizeTimestamp $value }}", 9223372036.854775807) ==
        "1677-09-21 00:12:43.146 +0000 UTC");
  CHECK(expand("{{ humanizeTimestamp   $value }}", 1e18) ==
        "ERROR: error executing template __alert_Test: template: __alert_Test:1:115: executing "
        "\"__alert_Test\" at <humanizeTimestamp $value>: error calling humanizeTimestamp: 1e+18 "
        "cannot be represented as a nanoseconds timestamp since it overflows int64");
  CHECK(expand("{{ (toTime $value).Unix }} {{ (toTime $value).Year }}", -1.5) == "-2 1969");
}

TEST_CASE("gotemplate: printf with Go's verbs") {
  CHECK(expand("{{ printf \"%.2f\" 3.14159 }}") == "3.14");
  CHECK(expand("{{ printf \"%d-%s-%q\" 3 \"a\" \"b\" }}") == "3-a-\"b\"");
  CHECK(expand("{{ printf \"%5.1f|%-4d|%v\" 2.25 7 true }}") == "  2.2|7   |true");
  CHECK(expand("{{ printf \"%d\" 1.5 }}") == "%!d(float64=1.5)");
  CHECK(expand("{{ printf \"%g %g\" 100000.0 1000000.0 }}") == "100000 1e+06");
  CHECK(expand("{{ printf \"%s\" }}") == "%!s(MISSING)");
}

TEST_CASE("gotemplate: control structures and builtins") {
  CHECK(expand("{{ if gt $value 1.0 }}big{{ else if eq $value 1.0 }}one{{ else }}small{{ end }}",
               1) == "one");
  CHECK(expand("{{ range $k, $v := $labels }}{{ $k }}={{ $v }};{{ end }}") ==
        "instance=host:9090;job=node;");
  CHECK(expand("{{ with $labels.job }}job {{ . }}{{ end }}") == "job node");
  CHECK(expand("{{ define \"x\" }}[{{ . }}]{{ end }}{{ template \"x\" \"y\" }}") == "[y]");
  CHECK(expand("{{ len $labels }} {{ index $labels \"job\" }} {{ and 1 0 }} {{ or 0 \"z\" }}") ==
        "2 node 0 z");
  CHECK(expand("{{ \"<a>\" | html }} {{ \"a b&c\" | urlquery }}") == "&lt;a&gt; a+b%26c");
  CHECK(expand("{{ eq 1 1.0 }}").starts_with("ERROR:"));
}

TEST_CASE("gotemplate: query, first, label, value, sortByLabel") {
  CHECK(expand("{{ range query \"up\" | sortByLabel \"job\" }}{{ .Labels.job }}:{{ .Value }} "
               "{{ end }}") == "a:1.5 b:0 ");
  CHECK(expand("{{ with query \"up\" }}{{ . | first | label \"job\" }} "
               "{{ . | first | value }}{{ end }}") == "b 0");
  CHECK(expand("{{ query \"bad\" }}").find("error calling query: 1:1: parse error: boom") !=
        std::string::npos);
}

TEST_CASE("gotemplate: string functions") {
  CHECK(expand("{{ reReplaceAll \"(.*):.*\" \"$1\" $labels.instance }}") == "host");
  CHECK(expand("{{ match \"^ho\" $labels.instance }}") == "true");
  CHECK(expand("{{ title \"hello world\" }} {{ toUpper \"a\" }} {{ toLower \"B\" }}") ==
        "Hello World A b");
  CHECK(expand("{{ stripPort \"host:9090\" }} {{ stripDomain \"a.b.c:80\" }}") == "host a:80");
  CHECK(expand("{{ pathPrefix }} {{ graphLink \"up == 0\" }}") ==
        "/prometheus /graph?g0.expr=up+%3D%3D+0&g0.tab=0");
  CHECK(expand("{{ parseDuration \"1m30s\" }}") == "90");
  CHECK(expand("{{ (args 1 \"x\").arg1 }}") == "x");
}

TEST_CASE("ruletest: bad series values get promtool 2.42's messages (lexer and parser)") {
  auto message = [](const char* values) {
    ruletest::NotationError err;
    std::vector<std::optional<double>> out;
    CHECK_FALSE(ruletest::parse_values(values, out, err, 1000));
    return err.message;
  };
  // The native-histogram notation, and any character that starts no token, stop the lexer.
  CHECK(message("{{schema:0 sum:5 count:4 buckets:[1 2 1]}}") ==
        "unexpected character in series sequence: '{'");
  CHECK(message("1 @") == "unexpected character in series sequence: '@'");
  CHECK(message("1 '") == "unexpected character in series sequence: '\\''");
  CHECK(message("1 x5") == "unexpected \"x\"");
  CHECK(message("1 +x") == "unexpected \"x\" in series values");
  CHECK(message("1 2x") == "unexpected end of input in series values");
  CHECK(message("1+2+") == "unexpected <op:+> in series values");
  CHECK(message("1+ 2") == "unexpected \" \" in series values");
}
