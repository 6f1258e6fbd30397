// SPDX-License-Identifier: Apache-2.0
// check collector's pieces: component IDs, the type table, Go addresses and durations, ${...}
// references, connectors, and the verdicts that depend on --collector-version and
// --distribution.
#include <catch2/catch.hpp>

#include "collector/check.h"
#include "collector/components.h"
#include "collector/lint.h"
#include "collector/model.h"
#include "collector/values.h"

using namespace caxtool::collector;

namespace {

CheckResult check(std::string_view text, CheckOptions o = {}) {
  return check_collector_text(text, "c.yaml", o);
}

// "LINE:COL CHECK" for every finding.
std::vector<std::string> findings(const CheckResult& r) {
  std::vector<std::string> out;
  for (const auto& d : r.diagnostics.items()) {
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.check);
  }
  return out;
}

constexpr std::string_view kMinimal = R"(receivers:
  otlp:
    protocols:
      grpc:
exporters:
  EXPORTER:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [EXPORTER]
)";

bool has(const CheckResult& r, std::string_view check) {
  for (const auto& d : r.diagnostics.items()) {
    if (d.check == check) return true;
  }
  return false;
}

std::string with_exporter(std::string_view type) {
  std::string s(kMinimal);
  for (size_t at; (at = s.find("EXPORTER")) != std::string::npos;) s.replace(at, 8, type);
  return s;
}

}  // namespace

TEST_CASE("collector: component IDs parse as otelcol's component.ID") {
  CHECK(parse_component_id("otlp").type == "otlp");
  CHECK(parse_component_id(" otlp / a/b ").name == "a/b");
  CHECK(parse_component_id("").error == "id must not be empty");
  CHECK(parse_component_id("/x").error.find("the part before / should not be empty") !=
        std::string::npos);
  CHECK(parse_component_id("x/").error.find("the part after / should not be empty") !=
        std::string::npos);
  CHECK(parse_component_id("1otlp").error.find("invalid character(s) in type") !=
        std::string::npos);
  CHECK(parse_component_id("otlp/a b").error.find("invalid character(s) in name") !=
        std::string::npos);
  CHECK(normalized_id("otlp / x") == "otlp/x");
  CHECK(normalized_id("bad type") == "");
}

TEST_CASE("collector: the type table knows current, removed, renamed and contrib types") {
  const ComponentType* debug = find_type(Kind::kExporter, "debug");
  REQUIRE(debug != nullptr);
  CHECK(debug->distribution == Distribution::kCore);
  CHECK_FALSE(debug->is_removed_entry());
  const ComponentType* logging = find_type(Kind::kExporter, "logging");
  REQUIRE(logging != nullptr);
  CHECK(logging->removed == Version{0, 111});
  CHECK(logging->replacement == "debug");
  CHECK(find_type(Kind::kExporter, "datadog")->distribution == Distribution::kContrib);
  CHECK(find_type(Kind::kExporter, "otlphttp")->renamed_to == "otlp_http");
  CHECK(find_type(Kind::kReceiver, "jaeger") != nullptr);  // the receiver stays
  CHECK(find_type(Kind::kProcessor, "nosuch") == nullptr);
  auto core = current_type_names(Kind::kExporter, Distribution::kCore);
  CHECK(std::find(core.begin(), core.end(), "datadog") == core.end());
  CHECK(std::find(core.begin(), core.end(), "logging") == core.end());
  // Sorted and unique per kind, so lookups are exact.
  auto all = component_types();
  for (size_t i = 1; i < all.size(); ++i) {
    bool ordered = all[i - 1].kind < all[i].kind ||
                   (all[i - 1].kind == all[i].kind && all[i - 1].name < all[i].name);
    CHECK(ordered);
  }
}

TEST_CASE("collector: connectors support the signal pairs of their factories") {
  const ComponentType* sm = find_type(Kind::kConnector, "spanmetrics");
  REQUIRE(sm != nullptr);
  CHECK(connector_supports(*sm, kTraces, kMetrics));
  CHECK_FALSE(connector_supports(*sm, kTraces, kLogs));
  const ComponentType* fwd = find_type(Kind::kConnector, "forward");
  CHECK(connector_supports(*fwd, kLogs, kLogs));
  CHECK_FALSE(connector_supports(*fwd, kLogs, kTraces));
}

TEST_CASE("collector: addresses, URLs and durations parse as Go parses them") {
  std::string err;
  auto hp = parse_host_port("0.0.0.0:4317", err);
  REQUIRE(hp);
  CHECK(hp->port == 4317);
  CHECK(parse_host_port(":8888", err)->host.empty());
  CHECK(parse_host_port("[::1]:4317", err)->host == "::1");
  CHECK_FALSE(parse_host_port("localhost", err));
  CHECK(err == "missing port in address");
  CHECK_FALSE(parse_host_port("host:70000", err));
  CHECK_FALSE(parse_host_port("http://x:1", err));
  CHECK(parse_url("https://otlp.example.com:4318/v1", err)->port == 4318);
  CHECK_FALSE(parse_url("collector:4318", err));
  CHECK(parse_go_duration("1m30s") == Approx(90));
  CHECK(parse_go_duration("500ms") == Approx(0.5));
  CHECK(parse_go_duration("0") == Approx(0));
  CHECK_FALSE(parse_go_duration("10"));
  CHECK_FALSE(parse_go_duration("1d"));
  CHECK(parse_version("0.111") == Version{0, 111});
  CHECK(parse_version("v0.111.2") == Version{0, 111});
  CHECK_FALSE(parse_version("latest"));
  CHECK_FALSE(parse_version("0"));
}

TEST_CASE("collector: a minimal config is valid and its positions are exact") {
  CheckResult r = check(with_exporter("debug"));
  CHECK_FALSE(r.invalid);
  CHECK(r.components == 2);
  CHECK(r.pipelines == 1);
  CHECK(findings(r).empty());
  CheckResult bad = check(with_exporter("debugg"));
  CHECK(bad.invalid);
  CHECK(findings(bad) == std::vector<std::string>{"6:3 collector/unknown-type"});
  CHECK(bad.diagnostics.items()[0].hint == "did you mean \"debug\"?");
}

TEST_CASE("collector: removed types depend on --collector-version") {
  CheckOptions newest;
  CHECK(check(with_exporter("logging"), newest).invalid);
  CheckOptions old;
  old.version = {0, 110};
  old.lints.insert(std::string(kLintDeprecated));
  CheckResult r = check(with_exporter("logging"), old);
  CHECK_FALSE(r.invalid);
  CHECK(findings(r) == std::vector<std::string>{"6:3 collector/deprecated-component"});
  // otlp_http is the new name from v0.144.0; older collectors do not know it.
  CHECK_FALSE(has(check(with_exporter("otlp_http"), newest), "collector/unknown-type"));
  CHECK(has(check(with_exporter("otlp_http"), old), "collector/unknown-type"));
}

TEST_CASE("collector: --distribution core rejects contrib-only types") {
  CheckOptions core;
  core.distribution = Distribution::kCore;
  CheckResult r = check(with_exporter("awsemf"), core);
  CHECK(r.invalid);
  CHECK(findings(r) == std::vector<std::string>{"6:3 collector/not-in-distribution"});
  // On contrib it is known, and only its signal is wrong for a traces pipeline.
  CHECK(findings(check(with_exporter("awsemf"))) ==
        std::vector<std::string>{"11:19 collector/signal"});
}

TEST_CASE("collector: ${...} references") {
  auto refs = [](std::string_view value) {
    std::string text = "receivers:\n  otlp:\n    protocols:\n      grpc:\n        endpoint: \"" +
                       std::string(value) +
                       "\"\nexporters:\n  debug:\nservice:\n  pipelines:\n    traces:\n"
                       "      receivers: [otlp]\n      exporters: [debug]\n";
    CheckOptions o;
    o.lints.insert(std::string(kLintBareEnv));
    return findings(check_collector_text(text, "c.yaml", o));
  };
  CHECK(refs("${env:HOST}:4317").empty());
  CHECK(refs("${env:HOST:-0.0.0.0}:4317").empty());
  CHECK(refs("$${not_a_ref}:4317").empty());
  CHECK(refs("${file:${env:DIR}/x}").empty());
  CHECK(refs("${env:HOST-NAME}:4317") == std::vector<std::string>{"5:20 collector/env-reference"});
  CHECK(refs("x${env:HOST") == std::vector<std::string>{"5:21 collector/env-reference"});
  CHECK(refs("${nope:x}:1") == std::vector<std::string>{"5:20 collector/env-reference"});
  CHECK(refs("$HOST:4317") == std::vector<std::string>{"5:20 collector/env-bare-dollar"});
}

TEST_CASE("collector: a whole-value reference leaves the structure to run time") {
  CheckResult r = check(
      "receivers: ${file:receivers.yaml}\nexporters:\n  debug:\nservice:\n  pipelines:\n"
      "    traces:\n      receivers: ${env:RECEIVERS}\n      exporters: [debug]\n");
  CHECK_FALSE(r.invalid);
}

TEST_CASE("collector: lints are off unless enabled, and disable comments silence them") {
  std::string text = with_exporter("debug") + "";
  text.insert(text.find("exporters:"), "  zipkin:\n");
  CHECK(findings(check(text)).empty());
  CheckOptions o;
  o.lints.insert(std::string(kLintUnused));
  CHECK(findings(check(text, o)) == std::vector<std::string>{"5:3 collector/unused-component"});
  std::string silenced = text;
  silenced.insert(silenced.find("  zipkin:"), "  # caxtool disable collector/unused-component\n");
  CHECK(findings(check(silenced, o)).empty());
  for (const auto& l : lint_checks()) {
    CHECK(l.name.starts_with("collector/"));
    CHECK_FALSE(l.explanation.empty());
  }
}
