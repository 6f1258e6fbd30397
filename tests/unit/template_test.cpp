// SPDX-License-Identifier: Apache-2.0
#include "generate/template.h"

#include <catch2/catch.hpp>

#include "yaml/node.h"

using namespace caxtool::generate;
using nlohmann::json;

namespace {
std::string render(std::string_view src, const json& ctx) {
  auto r = render_template(src, ctx);
  if (r.error)
    return "ERROR " + std::to_string(r.error->line) + ":" + std::to_string(r.error->column) + " " +
           r.error->message;
  return r.text;
}
}  // namespace

TEST_CASE("template: output, filters and Go templates passing through") {
  json ctx = {{"a", {{"b", "x\"y"}}}, {"n", 0.25}, {"i", 9090}, {"t", true}};
  CHECK(render("v={%= a.b %} {%= n %} {%= i %} {%= t %}", ctx) == "v=x\"y 0.25 9090 true");
  CHECK(render("{%= a.b | yaml %}", ctx) == "\"x\\\"y\"");
  CHECK(render("{%= a.b | json %}", ctx) == "\"x\\\"y\"");
  CHECK(render("up{job={%= a.b | promql %}}", ctx) == "up{job=\"x\\\"y\"}");
  CHECK(render("{%= a.b | promql | yaml %}", ctx) == "\"\\\"x\\\\\\\"y\\\"\"");
  CHECK(render("{{ $labels.x }} {{instance}}", ctx) == "{{ $labels.x }} {{instance}}");
}

TEST_CASE("template: if, else, for with loop variables") {
  json ctx = {{"xs", {"a", "b", "c"}}, {"on", false}, {"objs", {{{"k", 1}}, {{"k", 2}}}}};
  CHECK(render("{% for x in xs %}{%= x %}{% if not loop.last %},{% end %}{% end %}", ctx) ==
        "a,b,c");
  CHECK(render("{% if on %}yes{% else %}no{% end %}", ctx) == "no");
  CHECK(render("{% for o in objs %}{%= o.k %}{%= loop.index %}{% end %}", ctx) == "1021");
  CHECK(render("{%= xs.1 %}", ctx) == "b");
}

TEST_CASE("template: standalone block tags take their line with them") {
  json ctx = {{"xs", {"a", "b"}}};
  CHECK(render("list:\n  {% for x in xs %}\n  - {%= x %}\n  {% end %}\nend\n", ctx) ==
        "list:\n  - a\n  - b\nend\n");
  CHECK(render("{%# a comment %}\nx\n", ctx) == "x\n");
}

TEST_CASE("template: errors name the template position") {
  json ctx = {{"a", 1}};
  CHECK(render("x\n  {%= nope %}", ctx) == "ERROR 2:3 no value at 'nope'");
  CHECK(render("{% if a %}x", ctx) == "ERROR 1:1 'if' without 'end'");
  CHECK(render("{% end %}", ctx) == "ERROR 1:1 'end' without an open block");
  CHECK(render("{%= a | bogus %}", ctx) == "ERROR 1:1 unknown filter 'bogus'");
  CHECK(render("{% while a %}", ctx) == "ERROR 1:1 unknown tag 'while'");
  CHECK(render("{%= a ", ctx) == "ERROR 1:1 unterminated tag: no '%}'");
  CHECK(render("{% for x in a %}{% end %}", ctx) == "ERROR 1:1 'a' is not a list");
}

TEST_CASE("template: yaml_quote round-trips every awkward string through a YAML parser") {
  const std::string nasty[] = {
      "plain",
      "with: colon",
      "# hash",
      "quote\"s and 'single'",
      "back\\slash",
      "new\nline",
      "tab\there",
      "\xc3\xa9t\xc3\xa9 \xe2\x9c\x93",
      "- dash",
      "{braces}",
      "[x]",
      "*alias &anchor !tag",
      "",
      " lead space",
      "trail ",
      "yes",
      "null",
      "0x1F",
      "\x7f del",
      "nel \xc2\x85 ls \xe2\x80\xa8 end",
      "%percent",
      "@at `tick`",
      "\x01\x1f",
      "emoji \xf0\x9f\x98\x80",
  };
  for (const std::string& s : nasty) {
    std::string doc = "k: " + yaml_quote(s) + "\n";
    auto r = caxtool::yaml::parse(doc, "q.yaml");
    INFO(doc);
    REQUIRE(r.ok());
    CHECK(r.documents[0].root.get("k")->value == s);
  }
}

TEST_CASE("template: gotext keeps Go template delimiters in values inert") {
  CHECK(gotemplate_text("plain") == "plain");
  CHECK(gotemplate_text("a {{ b }}") == "{{ \"a {{ b }}\" }}");
  CHECK(gotemplate_text("ends with {") == "{{ \"ends with {\" }}");
}

TEST_CASE("template: numbers print shortest round-trip") {
  CHECK(format_number(0.01) == "0.01");
  CHECK(format_number(1.0) == "1");
  CHECK(format_number(1073741824.0) == "1073741824");
}
