// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "yaml/node.h"

using caxtool::yaml::parse;

TEST_CASE("yaml: nodes carry 1-based line and character column") {
  auto r = parse("a:\n  b: [1, \"x\"]\n  \xc3\xa9t\xc3\xa9: y\n", "f.yaml");
  REQUIRE(r.ok());
  const auto& root = r.documents.at(0).root;
  const auto* a = root.get("a");
  REQUIRE(a != nullptr);
  const auto* b = a->get("b");
  REQUIRE(b != nullptr);
  CHECK(b->start.line == 2);
  CHECK(b->start.column == 6);
  CHECK(b->children.at(1).value == "x");
  CHECK(b->children.at(1).is_quoted());
  CHECK(b->children.at(1).start.column == 10);
  // "été" is 5 bytes but 3 characters: columns count characters, as yaml.v3 and promtool do.
  const auto* y = a->get("\xc3\xa9t\xc3\xa9");
  REQUIRE(y != nullptr);
  CHECK(y->start.line == 3);
  CHECK(y->start.column == 8);
}

TEST_CASE("yaml: duplicate keys are diagnostics at the second key") {
  auto r = parse("x: 1\ny: 2\nx: 3\n", "d.yaml");
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.diagnostics.size() == 1);
  const auto& d = r.diagnostics.items()[0];
  CHECK(d.line == 3);
  CHECK(d.column == 1);
  CHECK(d.check == "yaml/duplicate-key");
  CHECK(d.message == "duplicate key \"x\", first defined at line 1");
}

TEST_CASE("yaml: duplicate keys may be allowed") {
  caxtool::yaml::ParseOptions o;
  o.allow_duplicate_keys = true;
  CHECK(parse("x: 1\nx: 3\n", "d.yaml", o).ok());
}

TEST_CASE("yaml: syntax errors point at the problem") {
  auto r = parse("a: [1, 2\nb: 3\n", "s.yaml");
  REQUIRE_FALSE(r.ok());
  const auto& d = r.diagnostics.items()[0];
  CHECK(d.check == "yaml/syntax");
  CHECK(d.line == 2);
  CHECK(d.message.find("did not find expected ',' or ']'") != std::string::npos);
}

TEST_CASE("yaml: invalid UTF-8 is a reader error with a position") {
  auto r = parse("a: ok\nb: \xff\n", "u.yaml");
  REQUIRE_FALSE(r.ok());
  CHECK(r.diagnostics.items()[0].line == 2);
}

TEST_CASE("yaml: aliases are copied and merge keys merged, own keys winning") {
  auto r = parse("base: &b {x: 1, y: 2}\nuse:\n  <<: *b\n  y: 3\n", "m.yaml");
  REQUIRE(r.ok());
  const auto* use = r.documents[0].root.get("use");
  REQUIRE(use != nullptr);
  REQUIRE(use->entry_count() == 2);
  CHECK(use->get("x")->value == "1");
  CHECK(use->get("y")->value == "3");
}

TEST_CASE("yaml: alias expansion is bounded (billion laughs)") {
  std::string doc = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    doc += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) doc += std::string(i ? ", *" : "*") + prev;
    doc += "]\n";
    prev = c;
  }
  caxtool::yaml::ParseOptions o;
  o.max_nodes = 100000;
  auto r = parse(doc, "laughs.yaml", o);
  REQUIRE_FALSE(r.ok());
  CHECK(r.diagnostics.items()[0].check == "yaml/too-large");
}

TEST_CASE("yaml: nesting depth is bounded") {
  std::string deep(10000, '[');
  auto r = parse(deep, "deep.yaml");
  REQUIRE_FALSE(r.ok());
}

TEST_CASE("yaml: null, quoted and multiple documents") {
  auto r = parse("a: ~\nb: 'null'\n---\nc: 1\n", "n.yaml");
  REQUIRE(r.ok());
  REQUIRE(r.documents.size() == 2);
  CHECK(r.documents[0].root.get("a")->is_null());
  CHECK_FALSE(r.documents[0].root.get("b")->is_null());
  CHECK(parse("", "e.yaml").documents.empty());
}
