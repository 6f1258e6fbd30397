// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "dashboard/check.h"
#include "dashboard/lint.h"
#include "dashboard/lint_file.h"
#include "dashboard/variables.h"

using namespace caxtool;

namespace {

dashboard::CheckOptions all_checks() {
  dashboard::CheckOptions o;
  for (const auto& l : dashboard::lint_checks()) o.lints.insert(std::string(l.name));
  return o;
}

}  // namespace

TEST_CASE("dashboard: references in Grafana's three syntaxes") {
  auto refs =
      dashboard::find_references("a $job b ${inst:regex} [[x]] [[y:csv]] $1 ${__field.labels.a}");
  REQUIRE(refs.size() == 6);
  CHECK(refs[0].name == "job");
  CHECK(refs[1].name == "inst");
  CHECK(refs[1].format == "regex");
  CHECK(refs[2].name == "x");
  CHECK(refs[3].format == "csv");
  CHECK(refs[4].name == "1");
  CHECK(refs[5].name == "__field");
}

TEST_CASE("dashboard: expansion fits the spot and maps back") {
  dashboard::Variables vars;
  auto x = dashboard::expand(R"(sum by (${grp}) (rate(x{job=~"$job"}[$__rate_interval])) > $n)",
                             vars, false);
  CHECK(x.text == R"(sum by (grp) (rate(x{job=~"job"}[5m])) > n)");
  REQUIRE(x.subs.size() == 4);
  CHECK(x.subs[2].name == "__rate_interval");
  CHECK(x.to_source[x.subs[2].begin] == x.subs[2].src_begin);
  auto n = dashboard::expand("topk($n, x)", vars, true);
  CHECK(n.text == "topk(1, x)");
}

TEST_CASE("dashboard: a PromQL error points into the file") {
  std::string text =
      "{\"uid\": \"u\", \"title\": \"t\", \"schemaVersion\": 39, \"editable\": false,\n"
      " \"time\": {\"from\": \"now-1h\", \"to\": \"now\"},\n"
      " \"panels\": [{\"id\": 1, \"type\": \"stat\", \"title\": \"p\",\n"
      "  \"targets\": [{\"expr\": \"sum(rate(x_total[$__rate_interval])\"}]}]}\n";
  auto r = dashboard::check_file(text, "d.json", all_checks());
  REQUIRE(r.diagnostics.size() == 1);
  const auto& d = r.diagnostics.items()[0];
  CHECK(d.check == "dashboard/promql");
  CHECK(d.line == 4);
  CHECK(d.column == 60);  // the closing quote: the expression ends without its )
  CHECK(d.message.starts_with("/panels/0/targets/0/expr: "));
}

TEST_CASE("dashboard: --fix edits only the bytes it must") {
  std::string text =
      "{\"uid\": \"u\", \"title\": \"t\", \"schemaVersion\": 39, \"editable\": false,\n"
      " \"time\": {\"from\": \"now-1h\", \"to\": \"now\"},\n"
      " \"panels\": [{\"id\": 1, \"type\": \"stat\", \"title\": \"p\",\n"
      "  \"targets\": [{\"expr\": \"rate(x_total[5m])\"}]}]}\n";
  auto r = dashboard::check_file(text, "d.json", all_checks());
  REQUIRE(r.edits.size() == 1);
  std::string fixed = dashboard::apply_edits(text, r.edits);
  CHECK(fixed.find("rate(x_total[$__rate_interval])") != std::string::npos);
  CHECK(dashboard::check_file(fixed, "d.json", all_checks()).edits.empty());
}

TEST_CASE("dashboard: a ConfigMap's embedded JSON maps to the YAML lines") {
  std::string text =
      "apiVersion: v1\nkind: ConfigMap\ndata:\n  d.json: |\n    {\"uid\": \"u\", \"title\": "
      "\"t\",\n"
      "     \"panels\": [{\"id\": 1, \"id\": 2}]}\n";
  auto r = dashboard::check_file(text, "cm.yaml", all_checks());
  bool found = false;
  for (const auto& d : r.diagnostics.items()) {
    if (d.check != "dashboard/duplicate-key") continue;
    found = true;
    CHECK(d.line == 6);
    CHECK(d.column == 27);
  }
  CHECK(found);
}

TEST_CASE("dashboard: dashboard-linter's .lint maps rule names to ours") {
  auto lf = dashboard::read_lint_file(
      "exclusions:\n"
      "  target-rate-interval-rule:\n"
      "    entries:\n"
      "      - {dashboard: D, panel: P, targetIdx: 2}\n"
      "  uneditable-dashboard:\n"
      "  template-job-rule:\n"
      "  no-such-rule:\n",
      ".lint");
  REQUIRE(lf.exclusions.size() == 2);
  CHECK(lf.exclusions[0].check == "dashboard/rate-interval");
  CHECK(lf.exclusions[0].dashboard == "D");
  CHECK(lf.exclusions[0].panel == "P");
  CHECK(lf.exclusions[0].target == 2);
  CHECK(lf.exclusions[1].check == "dashboard/editable");
  REQUIRE(lf.diagnostics.size() == 1);
  CHECK(lf.diagnostics.items()[0].message == "unknown rule \"no-such-rule\"");
}
