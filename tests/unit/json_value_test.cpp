// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "json/value.h"

using namespace caxtool;

TEST_CASE("json: values keep their byte ranges") {
  std::string text = R"({"a": [1, "x\"y"], "b": {"c": null}})";
  json::Document d = json::parse(text);
  REQUIRE(d.ok());
  const json::Value* a = d.root.get("a");
  REQUIRE(a != nullptr);
  CHECK(text.substr(a->begin, a->end - a->begin) == R"([1, "x\"y"])");
  CHECK(a->items[1].text == "x\"y");
  CHECK(text.substr(a->items[1].begin, a->items[1].end - a->items[1].begin) == R"("x\"y")");
  CHECK(d.root.get("b")->get("c")->is_null());
  CHECK(d.root.keys[1].name == "b");
}

TEST_CASE("json: string offsets step over escapes") {
  std::string text = R"(["a\nb\u00e9c"])";
  json::Document d = json::parse(text);
  REQUIRE(d.ok());
  const json::Value& s = d.root.items[0];
  CHECK(s.text ==
        "a\nb\xC3\xA9"
        "c");
  CHECK(json::string_offset(text, s, 0) == 2);   // a
  CHECK(json::string_offset(text, s, 2) == 5);   // b after \n
  CHECK(json::string_offset(text, s, 5) == 12);  // c after the two bytes of \u00e9
}

TEST_CASE("json: errors carry the offset") {
  json::Document d = json::parse("{\"a\": [1, 2,]}");
  REQUIRE(d.errors.size() == 1);
  CHECK(d.errors[0].offset == 12);
  CHECK(d.errors[0].message == "unexpected ']', expected a value");
  CHECK(json::parse("[1] x").errors[0].message == "unexpected 'x' after the top-level value");
  CHECK(json::parse("\"abc").errors[0].message == "unterminated string");
  CHECK(json::parse(std::string(1000, '[')).errors[0].message == "nested too deeply");
}

TEST_CASE("json: duplicate keys are noted") {
  json::Document d = json::parse(R"({"a": 1, "a": 2})");
  REQUIRE(d.ok());
  REQUIRE(d.duplicates.size() == 1);
  CHECK(d.duplicates[0].offset == 9);
}

TEST_CASE("json: pointer tokens escape ~ and /") {
  CHECK(json::pointer_token("a/b~c") == "a~1b~0c");
}
