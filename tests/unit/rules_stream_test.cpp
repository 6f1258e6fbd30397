// SPDX-License-Identifier: Apache-2.0
// A large rule file's findings streamed group by group (CheckOptions::on_findings) must be the
// very findings the file gets when they are held: the same ones, each group's in file order, with
// only the file-level ones after them.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <tuple>
#include <vector>

#include "rules/check.h"
#include "rules/lint.h"

using namespace caxtool;

namespace {

// Groups of alerts with lint findings (no `for`, a template reading a label the sum drops),
// group 7's name repeated by group 300, one rule repeated, and an unknown key after the groups.
std::string big_rule_file(bool disable_comment) {
  std::string text = "groups:\n";
  for (int g = 0; g < 600; ++g) {
    text += "  - name: group" + std::to_string(g == 300 ? 7 : g) + "\n    rules:\n";
    for (int r = 0; r < 8; ++r) {
      std::string name =
          g == 500 && r == 1 ? "Alert500_0" : "Alert" + std::to_string(g) + "_" + std::to_string(r);
      text += "      - alert: " + name +
              "\n        expr: sum by (job) (rate(http_requests_total[5m])) > 1\n"
              "        annotations:\n"
              "          summary: \"{{ $labels.instance }} is slow\"\n";
      if (disable_comment && g == 2 && r == 0) text += "        # caxtool disable alerts/for\n";
    }
  }
  text += "extra: 1\n";
  return text;
}

using Key = std::tuple<int, int, std::string, std::string>;
Key key(const diag::Diagnostic& d) { return {d.line, d.column, d.check, d.message}; }

rules::CheckOptions all_lints() {
  rules::CheckOptions options;
  for (const auto& l : rules::lint_checks()) options.lints.insert(std::string(l.name));
  return options;
}

}  // namespace

TEST_CASE("rules: streamed findings are the held ones, in file order") {
  std::string text = big_rule_file(false);
  REQUIRE(text.size() >= 256 * 1024);
  rules::CheckOptions options = all_lints();
  rules::FileResult held = rules::check_rules_text(text, "big.yml", options);

  std::vector<diag::Diagnostic> streamed;
  size_t batches = 0;
  options.on_findings = [&](diag::Diagnostics&& batch) {
    ++batches;
    for (const auto& d : batch.items()) streamed.push_back(d);
  };
  rules::FileResult rest = rules::check_rules_text(text, "big.yml", options);

  CHECK(batches > 100);
  CHECK(rest.rules == held.rules);
  CHECK(rest.groups == held.groups);
  for (size_t i = 1; i < streamed.size(); ++i) {
    INFO(i);
    CHECK(std::make_pair(streamed[i - 1].line, streamed[i - 1].column) <=
          std::make_pair(streamed[i].line, streamed[i].column));
  }
  bool repeated_name_streamed = false;
  for (const auto& d : streamed) {
    repeated_name_streamed = repeated_name_streamed || d.check == "rules/group-name";
  }
  CHECK(repeated_name_streamed);
  // What the whole file decides stays behind: the unknown key (which makes the file invalid, so
  // the repeated rule is not linted).
  std::vector<std::string> left;
  for (const auto& d : rest.diagnostics.items()) left.push_back(d.check);
  CHECK(left == std::vector<std::string>{"rules/syntax"});

  std::vector<Key> a, b;
  for (const auto& d : held.diagnostics.items()) a.push_back(key(d));
  for (const auto& d : streamed) b.push_back(key(d));
  for (const auto& d : rest.diagnostics.items()) b.push_back(key(d));
  std::sort(a.begin(), a.end());
  std::sort(b.begin(), b.end());
  CHECK(a.size() > 1000);
  CHECK(a == b);
}

TEST_CASE("rules: a file with disable comments is not streamed") {
  std::string text = big_rule_file(true);
  rules::CheckOptions options = all_lints();
  size_t batches = 0;
  options.on_findings = [&](diag::Diagnostics&&) { ++batches; };
  rules::FileResult r = rules::check_rules_text(text, "big.yml", options);
  CHECK(batches == 0);
  CHECK(r.diagnostics.size() > 1000);
}

TEST_CASE("rules: a small file is not streamed") {
  rules::CheckOptions options = all_lints();
  size_t batches = 0;
  options.on_findings = [&](diag::Diagnostics&&) { ++batches; };
  rules::FileResult r = rules::check_rules_text(
      "groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n", "s.yml",
      options);
  CHECK(batches == 0);
  CHECK(!r.diagnostics.empty());
}
