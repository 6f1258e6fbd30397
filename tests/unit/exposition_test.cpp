// SPDX-License-Identifier: Apache-2.0
// The exposition parser and check metrics: promtool's verdicts on the text format's corners,
// OpenMetrics rules, positions in errors, the streaming API and promtool's lints.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdlib>
#include <map>

#include "exposition/check.h"
#include "exposition/format.h"
#include "exposition/number.h"
#include "exposition/parser.h"
#include "exposition/series_counter.h"

using namespace caxtool::exposition;

namespace {

CheckResult check(std::string_view text, Format format = Format::kPrometheus,
                  std::initializer_list<std::string> lints = {}) {
  CheckOptions o;
  o.format = format;
  o.file = "m";
  for (const auto& l : lints) o.lints.insert(l);
  return check_metrics_text(text, o);
}

std::string first(const CheckResult& r) {
  if (r.diagnostics.empty()) return "";
  const auto& d = r.diagnostics.items().front();
  return std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.message;
}

}  // namespace

TEST_CASE("exposition: numbers follow Go's ParseFloat and ParseInt") {
  for (auto s :
       {"1", "-1.5", "+.5", "1.", "1e3", "1E-3", "NaN", "nan", "+Inf", "-inf", "Infinity", "007"}) {
    CHECK(is_valid_float(s));
  }
  for (auto s : {"", ".", "+nan", "1e", "0x1", "0x1p-3", "1_0", "1e400", "Inf1", "1.1.1"}) {
    CHECK_FALSE(is_valid_float(s));
  }
  CHECK(is_valid_int64("-123"));
  CHECK(is_valid_int64("+5"));
  CHECK_FALSE(is_valid_int64("+-5"));
  CHECK_FALSE(is_valid_int64("9223372036854775808"));
  CHECK_FALSE(is_valid_int64("1.0"));
  CHECK(is_valid_real("12345678901234567890.5"));
  CHECK_FALSE(is_valid_real("Inf"));
}

TEST_CASE("exposition: to_float's fast path gives strtod's value") {
  for (auto s : {"0",
                 "1",
                 "0.005",
                 "0.1",
                 "2.5",
                 "10",
                 "1.",
                 ".5",
                 "123456789012345",
                 "0.3",
                 "9007199254740993",
                 "0.1000000000000001",
                 "3.14159265358979",
                 "-0.25",
                 "+7",
                 "12345678",
                 "00000000",
                 "99999999.5",
                 "1234567812345678",
                 "718269560"}) {
    CHECK(to_float(s) == std::strtod(s, nullptr));
  }
  CHECK(std::signbit(to_float("-0")));
  CHECK_FALSE(is_valid_float("12345678a"));
  CHECK_FALSE(is_valid_float("1234567:"));
}

TEST_CASE("exposition: label values scanned by words keep every escape and error") {
  // Escapes and quotes at every offset of an 8-byte word, and non-ASCII bytes before them.
  for (size_t pad = 0; pad < 17; ++pad) {
    std::string p(pad, 'x');
    CHECK(check("a{v=\"" + p + "\\\"q\"} 1\n").diagnostics.empty());
    CHECK(check("a{v=\"" + p + "\u00e9\\n\"} 1\n").diagnostics.empty());
    CHECK(first(check("a{v=\"" + p + "\\t\"} 1\n")) ==
          "1:" + std::to_string(6 + pad) + " invalid escape sequence '\\t'");
    CHECK(first(check("a{v=\"" + p + "\xff\"} 1\n")).find("not valid UTF-8") != std::string::npos);
  }
  auto r = check("a{v=\"a\\\"b\"} 1\na{v=\"a\\\"b\"} 2\n", Format::kPrometheus,
                 {"metrics/duplicate-series"});
  CHECK(r.diagnostics.size() == 1);
  // The same series spelled with blanks, or with its labels in another order, is a duplicate.
  r = check("a{x=\"1\",y=\"2\"} 1\na{ y = \"2\" , x=\"1\"} 2\n", Format::kPrometheus,
            {"metrics/duplicate-series"});
  CHECK(r.diagnostics.size() == 1);
  r = check("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_count 1\nh_bucket{le=\"1\"} 1\n",
            Format::kPrometheus, {"metrics/duplicate-series"});
  CHECK(r.diagnostics.size() == 1);
  r = check("h_count 1\nh_sum 1\nh{x=\"count\"} 1\n", Format::kPrometheus,
            {"metrics/duplicate-series"});
  CHECK(r.diagnostics.empty());
}

TEST_CASE("exposition: camelCase label names are found while scanning") {
  for (auto [name, camel] :
       std::initializer_list<std::pair<const char*, bool>>{{"statusCode", true},
                                                           {"status_code", false},
                                                           {"HTTPcode", false},
                                                           {"aB", true},
                                                           {"Code", false},
                                                           {"abcdefghiJ", true},
                                                           {"ABC_def", false}}) {
    auto r = check(std::string("a{") + name + "=\"1\"} 1\n", Format::kPrometheus,
                   {"metrics/camel-case"});
    CHECK(r.diagnostics.size() == (camel ? 1u : 0u));
  }
}

TEST_CASE("exposition: Prometheus text errors carry line and column") {
  CHECK(first(check("a 1\nb{x=\"1} 2\n")) ==
        "2:5 label value \"1} 2\" contains unescaped new-line");
  CHECK(first(check("a{x=\"\\t\"} 1\n")) == "1:6 invalid escape sequence '\\t'");
  CHECK(first(check("a 1 2 3\n")) == "1:6 spurious string after timestamp: \" 3\"");
  CHECK(first(check("a 1 \n")) == "1:5 expected integer as timestamp, got \"\"");
  CHECK(first(check("a 1")) == "1:4 unexpected end of input: the last line has no newline");
  CHECK(first(check("# TYPE a gauge\n# TYPE a counter\n")).starts_with("2:3 second TYPE line"));
  CHECK(first(check("a 1\n# TYPE a gauge\n")).starts_with("2:3 second TYPE line"));
  CHECK(first(check("# TYPE a meh\n")) == "1:10 unknown metric type \"meh\"");
  CHECK(first(check("a{__name__=\"x\"} 1\n")) == "1:3 label name \"__name__\" is reserved");
}

TEST_CASE("exposition: expfmt's quirks are accepted as promtool accepts them") {
  CHECK(check("# TYPE a COUNTER\na_total 1\n").diagnostics.empty());
  CHECK(check("# TYPE a gauge_histogram\na 1\n").diagnostics.empty());
  CHECK(check("# weird comment\n\n   \na 1 -5\n").diagnostics.empty());
  CHECK(check("# TYPE h histogram\nh_bucket{le=\"1\",le=\"2\"} 1\n").diagnostics.empty());
  // HELP for foo_count lands on summary foo, so this is foo's second HELP.
  CHECK(check("# TYPE s summary\n# HELP s x\n# HELP s_count y\n").parse_failed);
}

TEST_CASE("exposition: promtool's lints") {
  auto r =
      check("# TYPE req_ms counter\nreq_ms{statusCode=\"1\",le=\"1\"} 1\n", Format::kPrometheus,
            {"metrics/help", "metrics/counter", "metrics/camel-case",
             "metrics/histogram-summary-reserved", "metrics/unit-abbreviations"});
  std::vector<std::string> got;
  for (const auto& d : r.diagnostics.items()) got.push_back(d.check + " " + d.message);
  CHECK(got ==
        std::vector<std::string>{
            "metrics/counter req_ms: counter metrics should have \"_total\" suffix",
            "metrics/unit-abbreviations req_ms: metric names should not contain abbreviated units",
            "metrics/help req_ms: no help text",
            "metrics/camel-case req_ms: label names should be written in 'snake_case' not "
            "'camelCase'",
            "metrics/histogram-summary-reserved req_ms: non-histogram metrics should not have "
            "\"le\" label",
        });
}

TEST_CASE("exposition: duplicate series are found by hashing") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "a{i=\"" + std::to_string(i) + "\"} 1\n";
  text += "a{i=\"7\"} 2\n";
  auto r = check(text, Format::kPrometheus, {"metrics/duplicate-series"});
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics.items()[0].line == 20001);
}

TEST_CASE("exposition: duplicates found in chunks are the ones found in one piece") {
  // Duplicates next to each other (inside the held-back ring), far apart, and in lines split
  // across chunks (copied rather than pointed to); with the set sized up front and grown.
  std::string text;
  for (int i = 0; i < 30000; ++i) {
    text += "b{i=\"" + std::to_string(i % 9000 == 8999 ? 5 : i) + "\",le=\"x\"} 1\n";
    if (i == 4100 || i == 29990) text += "b{le=\"x\",i=\"4100\"} 2\n";
    if (i == 7) text += "b{le=\"x\",i=\"6\"} 2\n";
  }
  CheckOptions o;
  o.file = "m";
  o.lints.insert("metrics/duplicate-series");
  CheckResult whole = check_metrics_text(text, o);
  REQUIRE(whole.diagnostics.size() == 6);
  for (size_t chunk : {size_t{7}, size_t{4096}, size_t{65536}}) {
    for (uint64_t size_hint : {uint64_t{0}, uint64_t{text.size()}}) {
      o.input_bytes = size_hint;
      MetricsChecker c(o);
      for (size_t at = 0; at < text.size(); at += chunk) {
        std::string piece(std::string_view(text).substr(at, chunk));  // dies after feed
        c.feed(piece);
      }
      CheckResult r = c.finish();
      INFO(chunk << " " << size_hint);
      REQUIRE(r.diagnostics.size() == whole.diagnostics.size());
      for (size_t i = 0; i < r.diagnostics.size(); ++i) {
        const auto& a = r.diagnostics.items()[i];
        const auto& b = whole.diagnostics.items()[i];
        CHECK(a.line == b.line);
        CHECK(a.column == b.column);
        CHECK(a.message == b.message);
      }
      CHECK(r.source_text == whole.source_text);
    }
  }
}

TEST_CASE("exposition: OpenMetrics rules") {
  auto om = [](std::string_view t) { return first(check(t, Format::kOpenMetrics)); };
  CHECK(om("# TYPE a counter\na_total 1\n# EOF\n").empty());
  CHECK(om("a 1\n") == "2:1 data does not end with # EOF");
  CHECK(om("a 1\n# EOF\nb 1\n") == "3:1 unexpected data after # EOF");
  CHECK(om("# TYPE a counter\na 1\n# EOF\n").starts_with("2:1 sample \"a\" does not belong"));
  CHECK(om("# TYPE a counter\na_total -1\n# EOF\n").starts_with("2:9 a counter's value"));
  CHECK(om("# TYPE a histogram\na_bucket{le=\"2\"} 0\na_bucket{le=\"1\"} 0\n# EOF\n")
            .starts_with("3:1 histogram has no le=\"+Inf\" bucket"));
  CHECK(om("# TYPE a histogram\na_bucket{le=\"1\"} 0\n# EOF\n") ==
        "2:1 histogram has no le=\"+Inf\" bucket");
  CHECK(om("# UNIT a seconds\n# EOF\n") == "1:10 unit \"seconds\" not a suffix of metric \"a\"");
  CHECK(om("a 1\nb 1\na 2\n# EOF\n").starts_with("3:1 metric family \"a\" appears again"));
  CHECK(om("# TYPE a gauge\na 1 # {x=\"y\"} 1\n# EOF\n").starts_with("2:4 exemplars are allowed"));
  CHECK(om("a{x=\"1\"} 1 2\na{x=\"1\"} 1 1\n# EOF\n").starts_with("2:12 timestamp goes backwards"));
}

TEST_CASE("exposition: the format is chosen by content type or a final # EOF") {
  CHECK(detect_format("application/openmetrics-text; version=1.0.0", "") == Format::kOpenMetrics);
  CHECK(detect_format("text/plain; version=0.0.4", "a 1\n# EOF\n") == Format::kPrometheus);
  CHECK(detect_format(std::nullopt, "a 1\n# EOF\n") == Format::kOpenMetrics);
  CHECK(detect_format(std::nullopt, "a 1\n# EOF") == Format::kOpenMetrics);
  CHECK(detect_format(std::nullopt, "a 1\nx# EOF\n") == Format::kPrometheus);
}

TEST_CASE("exposition: chunks split anywhere give the same result") {
  std::string text =
      "# HELP h x\n# TYPE h histogram\nh_bucket{le=\"1\",p=\"a\\\"b\"} "
      "1\nh_bucket{le=\"+Inf\",p=\"a\\\"b\"} 2\n"
      "h_count{p=\"a\\\"b\"} 2\nh_sum{p=\"a\\\"b\"} 3\nbad{ 1\n";
  auto whole = check(text, Format::kPrometheus, {"metrics/help"});
  for (size_t cut = 1; cut < text.size(); cut += 7) {
    CheckOptions o;
    o.file = "m";
    o.lints.insert("metrics/help");
    MetricsChecker c(o);
    for (size_t i = 0; i < text.size(); i += cut) c.feed(std::string_view(text).substr(i, cut));
    auto r = c.finish();
    CHECK(first(r) == first(whole));
    CHECK(r.samples == whole.samples);
  }
}

TEST_CASE("exposition: duplicates held back for prefetching keep their lines across chunks") {
  std::string text;
  for (int i = 0; i < 40; ++i)
    text += "a{i=\"" + std::to_string(i % 25) + "\"} " + std::to_string(i) + "\n";
  auto whole = check(text, Format::kPrometheus, {"metrics/duplicate-series"});
  REQUIRE(whole.diagnostics.size() == 15);
  for (size_t cut : {size_t{1}, size_t{3}, size_t{7}, size_t{16}, size_t{64}}) {
    CheckOptions o;
    o.file = "m";
    o.lints.insert("metrics/duplicate-series");
    MetricsChecker c(o);
    for (size_t i = 0; i < text.size(); i += cut) {
      std::string piece = text.substr(i, cut);  // dies after feed, as a reused read buffer would
      c.feed(piece);
    }
    auto r = c.finish();
    REQUIRE(r.diagnostics.size() == whole.diagnostics.size());
    for (size_t k = 0; k < r.diagnostics.size(); ++k) {
      CHECK(r.diagnostics.items()[k].line == whole.diagnostics.items()[k].line);
      CHECK(r.diagnostics.items()[k].message == whole.diagnostics.items()[k].message);
    }
    CHECK(r.source_text == whole.source_text);  // the duplicate lines as written
  }
}

TEST_CASE("exposition: the event API counts series per family without a model") {
  struct Counter : Handler {
    std::map<std::string, int> series;
    void on_sample(const Sample& s) override { ++series[s.family->name]; }
  } counter;
  Parser p(ParseOptions{}, &counter);
  p.feed("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_co");
  p.feed("unt 1\ng 2\n");
  p.finish();
  CHECK(counter.series == std::map<std::string, int>{{"g", 1}, {"h", 4}});
}

TEST_CASE("exposition: extended gives promtool's cardinality") {
  CheckOptions o;
  o.extended = true;
  auto r = check_metrics_text(
      "# TYPE h histogram\nh_bucket{a=\"1\",le=\"1\"} 1\nh_bucket{a=\"1\",le=\"+Inf\"} "
      "1\nh_sum{a=\"1\"} 1\n"
      "h_count{a=\"1\"} 1\nh_bucket{a=\"2\",le=\"+Inf\"} 1\ng 1\ng 2\n",
      o);
  REQUIRE(r.extended.size() == 2);
  CHECK(r.extended[0].name == "h");
  CHECK(r.extended[0].cardinality == 8);  // 2 metrics x (2 + 2 buckets of the first)
  CHECK(r.extended[1].cardinality == 2);
}

TEST_CASE("exposition: SeriesCounter counts series per family and values per label") {
  SeriesCounter c;
  Parser p(ParseOptions{}, &c);
  p.feed(
      "# TYPE h histogram\nh_bucket{a=\"1\",le=\"1\"} 1\nh_bucket{a=\"1\",le=\"+Inf\"} 1\n"
      "h_sum{a=\"1\"} 1\nh_count{a=\"1\"} 1\ng{a=\"2\"} 1\ng{a=\"2\"} 1\n");
  p.finish();
  REQUIRE(c.families().size() == 2);
  CHECK(c.families()[0].series == 4);
  CHECK(c.families()[1].series == 1);
  auto labels = c.labels();
  REQUIRE(labels.size() == 2);
  CHECK(labels[0].name == "a");
  CHECK(labels[0].values == 2);
  CHECK(labels[1].name == "le");
  CHECK(labels[1].values == 2);
}
