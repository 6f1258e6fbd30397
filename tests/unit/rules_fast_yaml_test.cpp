// SPDX-License-Identifier: Apache-2.0
// check rules reads YAML with the fast reader first. When it declines half-way (an anchor, a tab
// further down), groups already checked and streamed must not be checked again, and the output
// must be exactly what libyaml alone gives: the same findings, streamed in the same batches.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "rules/check.h"
#include "rules/lint.h"

using namespace caxtool;

namespace {

// Enough groups (300 KB) to be checked on two threads and streamed, each with lint findings.
std::string rule_file(const std::string& tail) {
  std::string text = "groups:\n";
  for (int g = 0; g < 500; ++g) {
    text += "  - name: group" + std::to_string(g) + "\n    rules:\n";
    for (int r = 0; r < 8; ++r) {
      text += "      - alert: Alert" + std::to_string(g) + "_" + std::to_string(r) +
              "\n        expr: sum by (job) (rate(http_requests_total[5m])) > 1\n"
              "        annotations:\n"
              "          summary: \"{{ $labels.instance }} is slow\"\n";
    }
  }
  return text + tail;
}

// Every finding as a line, streamed batches marked, then what stayed in the result.
std::vector<std::string> run(const std::string& text, bool fast) {
  rules::CheckOptions options;
  for (const auto& l : rules::lint_checks()) options.lints.insert(std::string(l.name));
  options.fast_yaml = fast;
  std::vector<std::string> out;
  options.on_findings = [&](diag::Diagnostics&& batch) {
    out.push_back("batch");
    for (const auto& d : batch.items()) {
      out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.check + " " +
                    d.message);
    }
  };
  rules::FileResult r = rules::check_rules_text(text, "big.yml", options);
  out.push_back("groups " + std::to_string(r.groups) + " rules " + std::to_string(r.rules));
  for (const auto& d : r.diagnostics.items()) {
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.check + " " +
                  d.message);
  }
  return out;
}

}  // namespace

TEST_CASE("rules: a late decline of the fast YAML reader gives libyaml's output") {
  for (const std::string& tail : {
           std::string("  - name: anchored\n    rules:\n      - record: &r x\n        expr: up\n"),
           std::string("  - name: tabbed\n    rules:\n\t- record: x\n"),
           std::string("  - name: group1\n    rules: [\n"),
           std::string("extra: &e 1\n"),
           std::string(""),
       }) {
    std::string text = rule_file(tail);
    REQUIRE(text.size() >= 256 * 1024);
    INFO(tail);
    std::vector<std::string> fast = run(text, true), slow = run(text, false);
    CHECK(fast.size() > 1000);
    CHECK(fast == slow);
  }
}
