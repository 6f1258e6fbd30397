// SPDX-License-Identifier: Apache-2.0
// The fast YAML reader against libyaml: each construct it accepts must give libyaml's tree to
// the mark, each construct outside its subset must be declined, and a decline after completions
// were offered must replay them, so a hook sees each completion once, as with libyaml alone.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "yaml/fast_parse.h"
#include "yaml/tree_diff.h"

using namespace caxtool;

namespace {

// Accepted, and the very tree libyaml builds.
void require_same(const std::string& text) {
  INFO(text);
  auto fast = yaml::fast_parse(text);
  REQUIRE(fast.handled);
  auto slow = yaml::parse(text, "t.yml");
  REQUIRE(slow.ok());
  REQUIRE(slow.documents.size() == 1);
  INFO(yaml::dump(fast.root) + "libyaml:\n" + yaml::dump(slow.documents[0].root));
  CHECK(yaml::first_difference(fast.root, slow.documents[0].root).empty());
}

// Every offer a hook sees; sequence items two levels down are taken, as check rules takes groups.
struct Recorder {
  std::vector<std::string> calls;
  bool operator()(yaml::Node& node, const std::vector<std::string_view>& path, size_t document) {
    std::string call = std::to_string(document);
    for (std::string_view p : path) call.append("/").append(p);
    calls.push_back(call + "\n" + yaml::dump(node));
    return path.size() == 2 && path[1] == "#";
  }
};

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

TEST_CASE("yaml fast: each construct builds libyaml's tree") {
  for (const char* text : {
           "a: 1\n",
           "a: 1",
           "a: 1\n\n\n",
           "a: 1\n# end\n",
           "a: 1\n  # indented comment",
           "---\na: 1\n",
           "--- # c\na: 1\n",
           "\xEF\xBB\xBF"
           "a: 1\n",
           "a:\n  b: c\n  d: e\nf: g\n",
           "a:\n- x\n- y\nb: 1\n",
           "a:\n  - x\n  - y\n",
           "- a\n- b\n",
           "- a: 1\n  b: 2\n- c: 3\n",
           "-   a: 1\n    b: 2\n",
           "- \n  a: 1\n",
           "-\n- b\n",
           "a:\nb: 1\n",
           "a: # c\nb: 1\n",
           "a: ~\nb: null\n",
           "key with spaces: value with spaces  # comment\n",
           "a : 1\n",
           "a: b:c#d\n",
           "a: -1\nb: ?x\nc: :x\nd: x-\n",
           "'a': 1\n\"b\": 2\n'c' : 3\n",
           "a: 'it''s'\nb: ''\nc: '\"'\n",
           "a: \"x\\ty\\n\\\\\\\"\\/\\x41\\u00e9\\U0001F600\"\n",
           "a: \"\\0\\a\\b\\v\\f\\r\\e\\ \\N\\_\\L\\P\"\n",
           "a: \"\"\n",
           "a: [1, 'two', \"three\"]\nb: {x: 1, 'y': [2, {z: 3}]}\nc: []\nd: {}\n",
           "a: [ 1 , 2 ]\n",
           "a: [host:9090, -1, a b]\n",
           "- [a, b]\n- {c: d}\n",
           "a:\n  b:\n    c:\n      - d\n      - e: f\n        g: h\n",
           "groups:\n- name: g\n  rules:\n  - alert: A\n    expr: up == 0\n    labels:\n"
           "      severity: page\n",
       }) {
    require_same(text);
  }
}

TEST_CASE("yaml fast: block scalars, their chomping and folding, are libyaml's") {
  for (const char* text : {
           "a: |\n  x\n  y\n",
           "a: |-\n  x\n",
           "a: |+\n  x\n\n\n",
           "a: |\n  x\n\n\nb: 1\n",
           "a: |-\n  x\n\n\nb: 1\n",
           "a: |+\n  x\n\n\nb: 1\n",
           "a: >\n  x\n  y\n\n  z\n",
           "a: >-\n  x\n   more\n  y\n",
           "a: >+\n  x\n\n",
           "a: |2\n   x\n  y\n",
           "a: |-2\n   x\n",
           "a: |2-\n   x\n",
           "a: |\n\n  x\n",
           "a: |\n  x\n    \n  y\n",
           "a: |\n  x\n #c\nb: 1\n",
           "a: |\nb: 1\n",
           "a: |",
           "a: |\n  x",
           "a: > # c\n  x\n",
           "- |\n  x\n- >-\n  y\n  z\n",
           "- a: |\n    x\n  b: 1\n",
           "a:\n  b: >\n    one\n    two\n\n\n    three\n  c: 1\n",
           "a: |\n  \xc3\xa9\n",
       }) {
    require_same(text);
  }
  auto fast = yaml::fast_parse("a: |\n  x\n\nb: |-\n  x\n\nc: |+\n  x\n\nd: >\n  x\n  y\n");
  REQUIRE(fast.handled);
  CHECK(fast.root.get("a")->value == "x\n");
  CHECK(fast.root.get("b")->value == "x");
  CHECK(fast.root.get("c")->value == "x\n\n");
  CHECK(fast.root.get("d")->value == "x y\n");
  CHECK(fast.root.get("a")->style == yaml::Style::kLiteral);
  CHECK(fast.root.get("d")->style == yaml::Style::kFolded);
}

TEST_CASE("yaml fast: marks count characters on non-ASCII lines") {
  std::string text = "\xc3\xa9t\xc3\xa9: 'caf\xc3\xa9'  # \xe2\x82\xac\nb: [\xe2\x82\xac, x]\n";
  require_same(text);
  auto fast = yaml::fast_parse(text);
  REQUIRE(fast.handled);
  const yaml::Node& v = fast.root.val(0);
  CHECK(v.start.line == 1);
  CHECK(v.start.column == 6);
  CHECK(v.end.column == 12);
  const yaml::Node& b = fast.root.val(1);
  CHECK(b.children.at(1).start.column == 8);
  CHECK(fast.root.end.line == 3);
  CHECK(fast.root.end.column == 1);
}

TEST_CASE("yaml fast: declines what is outside its subset") {
  for (const char* text : {
           "",
           "# only a comment\n",
           "plain\n",
           "a: &x 1\nb: *x\n",
           "a: !!str 1\n",
           "<<: {a: 1}\n",
           "a: 1\na: 2\n",
           "a:\n\tb: 1\n",
           "a: 1\r\n",
           "a: b\n  c\n",
           "a: 'b\n  c'\n",
           "a: \"b\n  c\"\n",
           "a: 1\n---\nb: 2\n",
           "a: 1\n...\n",
           "%YAML 1.1\n---\na: 1\n",
           "a: b: c\n",
           "a: [1,\n 2]\n",
           "a: [1, ]\n",
           "a: {b}\n",
           "a: \"\\q\"\n",
           "a: \"\\'\"\n",
           "a: \"\\ud800\"\n",
           "a: |0\n  x\n",
           "a: @x\n",
           "a: `x\n",
           "- - a\n",
           "a:\n  b\n",
           "a: 1\n b: 2\n",
           "- a\nb: 1\n",
           "a: \"x\"#c\n",
           "a: \x80\n",
           "a: \xc2\x85\n",
           "a: \x7f\n",
           "a: \xef\xbb\xbf\n",
           "? a\n: b\n",
           "a: 1\n@\n",
           "[a, b]\n",
       }) {
    INFO(text);
    CHECK_FALSE(yaml::fast_parse(text).handled);
  }
  // Characters libyaml's reader refuses, at every place in an 8-byte word of the text check.
  for (char bad : {'\x01', '\t', '\r', '\x7f', '\x1f'}) {
    for (size_t at = 3; at < 24; ++at) {
      std::string text = "a: abcdefghijklmnopqrstuvwxyz\nb: 1\n";
      text[at] = bad;
      INFO(at);
      CHECK_FALSE(yaml::fast_parse(text).handled);
    }
  }
  std::string long_key(1100, 'k');
  CHECK_FALSE(yaml::fast_parse(long_key + ": 1\n").handled);
}

TEST_CASE("yaml fast: a hook sees libyaml's offers, also when the reader declines late") {
  std::string head = "groups:\n";
  for (int g = 0; g < 5; ++g) {
    head += "- name: g" + std::to_string(g) + "\n  rules:\n  - record: r\n    expr: up\n";
  }
  for (const std::string& tail :
       {std::string(""), std::string("- name: &a x\n  rules: []\n"), std::string("x: *y\n"),
        std::string("- name: t\n  rules:\n\t- a\n"), std::string("extra: 1\nextra: 2\n"),
        std::string("@\n"), std::string("- name: q\n  rules: [\n")}) {
    std::string text = head + tail;
    INFO(text);
    Recorder slow_hook, fast_hook;
    yaml::ParseOptions slow_options, fast_options;
    slow_options.on_completed = std::ref(slow_hook);
    fast_options.on_completed = std::ref(fast_hook);
    auto slow = yaml::parse(text, "t.yml", slow_options);
    auto mixed = yaml::parse_fast_first(text, "t.yml", fast_options);
    CHECK(fast_hook.calls == slow_hook.calls);
    CHECK(slow_hook.calls.size() >= 5);
    REQUIRE(mixed.documents.size() == slow.documents.size());
    for (size_t i = 0; i < slow.documents.size(); ++i) {
      CHECK(yaml::first_difference(mixed.documents[i].root, slow.documents[i].root).empty());
    }
    REQUIRE(mixed.diagnostics.size() == slow.diagnostics.size());
    for (size_t i = 0; i < slow.diagnostics.size(); ++i) {
      CHECK(mixed.diagnostics.items()[i].message == slow.diagnostics.items()[i].message);
    }
  }
}

// tests/corpus, and the files in $CAXTOOL_YAML_EXTRA_DIR (the ctest yaml/fast-vs-libyaml fills
// it with generated rule files and configs).
TEST_CASE("yaml fast: same tree as libyaml on every corpus file it accepts") {
  namespace fs = std::filesystem;
  std::vector<fs::path> roots{fs::path(CAXTOOL_SOURCE_DIR) / "tests/corpus"};
  if (const char* extra = std::getenv("CAXTOOL_YAML_EXTRA_DIR")) roots.emplace_back(extra);
  size_t files = 0, accepted = 0;
  for (const fs::path& root : roots) {
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".yml" && ext != ".yaml")) continue;
      std::string text = read(e.path());
      ++files;
      auto fast = yaml::fast_parse(text);
      if (!fast.handled) continue;
      ++accepted;
      INFO(e.path().string());
      auto slow = yaml::parse(text, e.path().string());
      REQUIRE(slow.ok());
      REQUIRE(slow.documents.size() == 1);
      CHECK(yaml::first_difference(fast.root, slow.documents[0].root) == "");
    }
  }
  CHECK(files > 400);
  CHECK(accepted * 2 > files);  // the subset covers most real files
}
