// SPDX-License-Identifier: Apache-2.0
// check config as a library: promtool's verdicts and messages at the right line and column,
// the version windows of keys, and what the lints find.
#include <catch2/catch.hpp>

#include "promconfig/check.h"
#include "promconfig/decode.h"
#include "promconfig/lint.h"
#include "yaml/node.h"

using namespace caxtool;

namespace {

promconfig::CheckResult check(std::string_view text, promql::Version v = {2, 42},
                              bool lints = false) {
  promconfig::CheckOptions o;
  o.version = v;
  o.syntax_only = true;
  if (lints) {
    for (const auto& l : promconfig::lint_checks()) o.lints.insert(std::string(l.name));
  }
  return promconfig::check_config_text(text, "prometheus.yml", o);
}

std::string first(const promconfig::CheckResult& r) {
  if (r.diagnostics.empty()) return "";
  const auto& d = r.diagnostics.items().front();
  return std::to_string(d.line) + ":" + std::to_string(d.column) + ": " + d.message;
}

}  // namespace

TEST_CASE("promconfig: empty and minimal configs are valid") {
  CHECK_FALSE(check("").invalid);
  CHECK_FALSE(check("scrape_configs:\n  - job_name: a\n").invalid);
  CHECK(check("scrape_configs:\n  - job_name: a\n").jobs == 1);
}

TEST_CASE("promconfig: unknown keys are rejected at their position") {
  auto r = check("global:\n  scrape_intervall: 1m\n");
  CHECK(r.invalid);
  CHECK(first(r) == "2:3: field scrape_intervall not found in type config.plain");
  CHECK(r.diagnostics.items().front().hint == "did you mean 'scrape_interval'?");
}

TEST_CASE("promconfig: keys follow the chosen release") {
  std::string text = "scrape_configs:\n  - job_name: a\n    scrape_protocols: [PrometheusProto]\n";
  CHECK(check(text, {2, 42}).invalid);
  CHECK_FALSE(check(text, {2, 49}).invalid);
  std::string removed = "scrape_configs:\n  - job_name: a\n    scrape_classic_histograms: true\n";
  CHECK_FALSE(check(removed, {2, 45}).invalid);
  CHECK(check(removed, {3, 0}).invalid);
}

TEST_CASE("promconfig: values are decoded as Prometheus decodes them") {
  CHECK(first(check("global:\n  scrape_interval: 1.5s\n")) ==
        "2:20: not a valid duration string: \"1.5s\"");
  CHECK(first(check("scrape_configs:\n  - job_name: a\n    honor_labels: \"true\"\n")) ==
        "3:19: cannot unmarshal !!str `true` into bool");
  CHECK_FALSE(check("scrape_configs:\n  - job_name: a\n    honor_labels: yes\n").invalid);
  CHECK(first(check("scrape_configs:\n  - job_name: a\n    sample_limit: -1\n")) ==
        "3:19: cannot unmarshal !!int `-1` into uint");
  CHECK(promconfig::parse_base2_bytes("1KB") == 1024u);
  CHECK(promconfig::parse_base2_bytes("1.5MiB") == 1572864u);
  CHECK_FALSE(promconfig::parse_base2_bytes("1000"));
  CHECK_FALSE(promconfig::parse_base2_bytes("1kB"));
}

TEST_CASE("promconfig: scrape timeouts and job names are checked against the whole file") {
  auto r = check(
      "scrape_configs:\n  - job_name: a\n    scrape_timeout: 2m\nglobal:\n"
      "  scrape_interval: 1m\n");
  CHECK(first(r) ==
        "3:21: scrape timeout greater than scrape interval for scrape config with job name \"a\"");
  auto d = check("scrape_configs:\n  - job_name: a\n  - job_name: a\n");
  CHECK(first(d) == "3:15: found multiple scrape configs with job name \"a\"");
}

TEST_CASE("promconfig: relabel actions need their fields") {
  auto text = [](std::string rule) {
    return "scrape_configs:\n  - job_name: a\n    relabel_configs:\n      - " + rule + "\n";
  };
  CHECK(first(check(text("{action: replace, source_labels: [a]}")))
            .find("relabel configuration for replace action requires 'target_label' value") !=
        std::string::npos);
  CHECK(first(check(text("{action: hashmod, target_label: b}"))).find("non-zero modulus") !=
        std::string::npos);
  CHECK(first(check(text("{action: labeldrop, regex: x, separator: ','}")))
            .find("labeldrop action requires only 'regex', and no other fields") !=
        std::string::npos);
  CHECK(first(check(text("{action: keep, regex: 'a(b'}"))).find("error parsing regexp") !=
        std::string::npos);
  CHECK(first(check(text("{action: Nope}"))).find("unknown relabel action \"Nope\"") !=
        std::string::npos);
  CHECK_FALSE(check(text("{action: KEEP, source_labels: [a], regex: b}")).invalid);
}

TEST_CASE("promconfig: static targets go through relabelling as promtool runs them") {
  std::string url =
      "scrape_configs:\n  - job_name: a\n    static_configs:\n"
      "      - targets: ['http://x/metrics']\n";
  CHECK(first(check(url)) == "4:19: \"http://x/metrics\" is not a valid hostname");
  std::string dropped =
      "scrape_configs:\n  - job_name: a\n    relabel_configs:\n"
      "      - {source_labels: [__address__], regex: 'http.*', action: drop}\n"
      "    static_configs:\n      - targets: ['http://x/metrics']\n";
  CHECK_FALSE(check(dropped).invalid);
}

TEST_CASE("promconfig: service discovery blocks have their own rules") {
  CHECK(first(check("scrape_configs:\n  - job_name: a\n    dns_sd_configs:\n      - {}\n")) ==
        "4:9: DNS-SD config must contain at least one SRV record name");
  CHECK(check("scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n"
              "      - role: pods\n")
            .invalid);
  CHECK_FALSE(check("scrape_configs:\n  - job_name: a\n    kubernetes_sd_configs:\n"
                    "      - role: pod\n")
                  .invalid);
  CHECK(first(check("scrape_configs:\n  - job_name: a\n    static_configs:\n      -\n")) ==
        "4:8: empty or null section in static_configs");
}

TEST_CASE("promconfig: lints") {
  auto r = check(
      "scrape_configs:\n  - job_name: a\n    static_configs: [{targets: ['h:1', "
      "'localhost:9090']}]\n"
      "  - job_name: b\n    static_configs: [{targets: ['h:1', 'h:2-3']}]\n",
      {2, 42}, true);
  std::vector<std::string> checks;
  for (const auto& d : r.diagnostics.items()) checks.push_back(d.check);
  CHECK(checks == std::vector<std::string>{"config/port-clash", "config/duplicate-target",
                                           "config/target-port"});
}
