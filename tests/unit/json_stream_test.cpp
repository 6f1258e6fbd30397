// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <string>

#include "json/stream.h"
#include "promapi/series_stream.h"

using namespace caxtool;

namespace {

// Writes the events back as compact JSON, so a test is one string comparison.
class Echo : public json::Handler {
 public:
  std::string out;
  void start_object() override { sep(), out += '{', first_ = true; }
  void end_object() override { out += '}', first_ = false; }
  void start_array() override { sep(), out += '[', first_ = true; }
  void end_array() override { out += ']', first_ = false; }
  void key(std::string_view k) override {
    sep();
    out += '"' + std::string(k) + "\":";
    after_key_ = true;
  }
  void string(std::string_view s) override { sep(), out += '"' + std::string(s) + '"'; }
  void scalar(std::string_view s) override { sep(), out += std::string(s); }

 private:
  void sep() {
    if (after_key_) {
      after_key_ = false;
      first_ = false;
      return;
    }
    if (!first_) out += ',';
    first_ = false;
  }
  bool first_ = true;
  bool after_key_ = false;
};

// Feeds `text` in pieces of `step` bytes; returns the echo or "ERROR: ...".
std::string run(std::string_view text, size_t step) {
  Echo echo;
  json::StreamReader reader(echo);
  for (size_t i = 0; i < text.size(); i += step) {
    if (!reader.feed(text.substr(i, step))) return "ERROR: " + reader.error();
  }
  if (!reader.finish()) return "ERROR: " + reader.error();
  return echo.out;
}

}  // namespace

TEST_CASE("json_stream: events survive any split of the input", "[json]") {
  const std::string doc =
      R"( {"a": [1, -2.5e3, true, false, null, "x\"y\\z\n"], "b": {}, "c": [], "d": {"e": "\u00e9\ud83d\ude00"}} )";
  const std::string want =
      "{\"a\":[1,-2.5e3,true,false,null,\"x\"y\\z\n\"],\"b\":{},\"c\":[],\"d\":{\"e\":\"é😀\"}}";
  for (size_t step = 1; step <= doc.size(); ++step) {
    INFO("step " << step);
    CHECK(run(doc, step) == want);
  }
}

TEST_CASE("json_stream: syntax errors give the byte offset", "[json]") {
  CHECK(run(R"({"a":1,})", 3) == "ERROR: invalid JSON at byte 8: expected a key, got '}'");
  CHECK(run(R"({"a" 1})", 1) == "ERROR: invalid JSON at byte 6: expected ':', got '1'");
  CHECK(run(R"([1 2])", 2) ==
        "ERROR: invalid JSON at byte 4: expected ',' or a closing bracket, got '2'");
  CHECK(run(R"({"a":tru})", 4).rfind("ERROR: invalid JSON at byte 8: 'tru' is not a value", 0) ==
        0);
  CHECK(run(R"({"a":01})", 4).find("'01' is not a value") != std::string::npos);
  CHECK(run(R"({"a":"x)", 4) == "ERROR: invalid JSON at byte 7: the document ends early");
  CHECK(run(R"({"a":"\q"})", 4).find("bad escape") != std::string::npos);
  CHECK(run(R"({"a":"\u12g4"})", 4).find("bad \\u escape") != std::string::npos);
  CHECK(run("{\"a\":\"\x01\"}", 4).find("control character") != std::string::npos);
  CHECK(run(R"({} {})", 4).find("after the end") != std::string::npos);
  CHECK(run(R"(])", 4).find("unexpected ']'") != std::string::npos);
  CHECK(run(R"([})", 4).find("unexpected '}'") != std::string::npos);
  CHECK(run("", 4) == "ERROR: invalid JSON at byte 0: the document ends early");
  CHECK(run(std::string(600, '['), 64).find("nested deeper than 512") != std::string::npos);
}

TEST_CASE("json_stream: lone surrogates become U+FFFD", "[json]") {
  CHECK(run(R"(["\ud83d"])", 2) == "[\"\xEF\xBF\xBD\"]");
  CHECK(run(R"(["\ude00x"])", 2) == "[\"\xEF\xBF\xBDx\"]");
  CHECK(run(R"(["\ud83dx"])", 2) == "[\"\xEF\xBF\xBDx\"]");
}

TEST_CASE("json_stream: a top-level number ends at the end of input", "[json]") {
  CHECK(run("42", 1) == "42");
  CHECK(run("-", 1).find("'-' is not a value") != std::string::npos);
}

TEST_CASE("series_stream: every series reaches the callback, whatever the chunking", "[json]") {
  const std::string body =
      R"({"status":"success","data":[{"__name__":"up","job":"a","instance":"x:1"},)"
      R"({"__name__":"up","job":"b"},{}],"warnings":["w1"]})";
  for (size_t step : {size_t{1}, size_t{7}, body.size()}) {
    std::vector<std::string> seen;
    promapi::SeriesStream stream([&seen](const promapi::SeriesLabels& labels) {
      std::string s;
      for (const auto& [k, v] : labels) s += std::string(k) + "=" + std::string(v) + ";";
      seen.push_back(s);
    });
    for (size_t i = 0; i < body.size(); i += step)
      REQUIRE(stream.feed(std::string_view(body).substr(i, step)));
    REQUIRE(stream.finish());
    CHECK(seen ==
          std::vector<std::string>{"__name__=up;job=a;instance=x:1;", "__name__=up;job=b;", ""});
    CHECK(stream.series() == 3);
    CHECK(stream.warnings() == std::vector<std::string>{"w1"});
  }
}

TEST_CASE("series_stream: an error status or a cut body is an error", "[json]") {
  promapi::SeriesStream a([](const promapi::SeriesLabels&) {});
  CHECK_FALSE(a.feed(R"({"status":"error","error":"boom","data":[]})"));  // stops at once
  CHECK_FALSE(a.finish());
  CHECK(a.error() == "the server answered an error: boom");
  promapi::SeriesStream b([](const promapi::SeriesLabels&) {});
  REQUIRE(b.feed(R"({"status":"success","data":[{"a":"b"})"));
  CHECK_FALSE(b.finish());
  CHECK(b.error().find("ends early") != std::string::npos);
  promapi::SeriesStream c([](const promapi::SeriesLabels&) {});
  CHECK_FALSE(c.feed(R"({"status":"success","data":[{"a":}]})"));
  CHECK(c.error().find("invalid JSON at byte") != std::string::npos);
}
