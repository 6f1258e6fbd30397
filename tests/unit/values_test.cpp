// SPDX-License-Identifier: Apache-2.0
#include "generate/values.h"

#include <catch2/catch.hpp>
#include <set>

#include "generate/values_schema.h"
#include "yaml/node.h"

using namespace caxtool::generate;

namespace {
Values load(std::string text, std::vector<std::string> sets = {}) {
  return load_values(ValuesSource{"v.yaml", std::move(text)}, sets);
}
std::string first_message(const Values& v) {
  return v.diagnostics.empty() ? "" : v.diagnostics.items()[0].message;
}

void collect_paths(const caxtool::yaml::Node& n, const std::string& prefix,
                   std::set<std::string>& out) {
  if (!n.is_mapping()) return;
  for (size_t i = 0; i < n.entry_count(); ++i) {
    std::string path = prefix.empty() ? n.key(i).value : prefix + "." + n.key(i).value;
    out.insert(path);
    const FieldSpec* f = find_field(path);
    if (f != nullptr && f->type == ValueType::kObject) collect_paths(n.val(i), path, out);
  }
}
}  // namespace

TEST_CASE("values: the embedded defaults are valid and cover the whole schema") {
  Values v = load_values(std::nullopt, {});
  REQUIRE(v.diagnostics.empty());
  auto parsed = caxtool::yaml::parse(default_values_text(), "values.yaml");
  REQUIRE(parsed.ok());
  std::set<std::string> in_file;
  collect_paths(parsed.documents[0].root, "", in_file);
  std::set<std::string> in_schema;
  for (const FieldSpec& f : values_schema()) in_schema.insert(std::string(f.path));
  CHECK(in_file == in_schema);
  CHECK(v.data["targets"]["orchestrator"]["port"] == 9090);
  CHECK(v.data["alerts"]["highErrorRate"]["threshold"] == 0.01);
}

TEST_CASE("values: a file overrides defaults and keeps the rest") {
  Values v = load("apiVersion: caxtool/v1\nidentity: {environment: prod}\n");
  REQUIRE(v.ok());
  CHECK(v.data["identity"]["environment"] == "prod");
  CHECK(v.data["identity"]["service"] == "caxton");
  CHECK(v.origins.at("identity.environment").start.line == 2);
}

TEST_CASE("values: --set is typed like YAML and validated") {
  Values v = load_values(
      std::nullopt, {"alerts.highLatency.enabled=false", "identity.externalLabels.datacenter=eu-1",
                     "alertmanager.groupBy=[alertname, job]"});
  REQUIRE(v.ok());
  CHECK(v.data["alerts"]["highLatency"]["enabled"] == false);
  CHECK(v.data["identity"]["externalLabels"]["datacenter"] == "eu-1");
  CHECK(v.data["alertmanager"]["groupBy"].size() == 2);

  Values bad = load_values(std::nullopt, {"targets.orchestrator.port=http"});
  CHECK_FALSE(bad.ok());
  CHECK(bad.usage_error);
  Values unknown = load_values(std::nullopt, {"targets.orchestrator.prot=1"});
  CHECK(unknown.usage_error);
  CHECK(unknown.diagnostics.items()[0].hint == "did you mean \"targets.orchestrator.port\"?");
}

TEST_CASE("values: schema rejections point at the value") {
  Values v = load("apiVersion: caxtool/v1\ntargets:\n  orchestrator:\n    port: \"9090\"\n");
  REQUIRE_FALSE(v.ok());
  const auto& d = v.diagnostics.items()[0];
  CHECK(d.line == 4);
  CHECK(d.column == 11);
  CHECK(d.message ==
        "targets.orchestrator.port: expected a port number (1-65535), got the string \"9090\"");
  CHECK(d.hint == "write it without quotes");

  CHECK(first_message(load("identity: {}\n")) == "missing apiVersion");
  CHECK(first_message(load("apiVersion: caxtool/v2\n")) ==
        "apiVersion: unsupported apiVersion \"caxtool/v2\"; this caxtool reads caxtool/v1");
  CHECK(load("apiVersion: caxtool/v1\nbackends: {newrelic: {apiKey: NRAK-123}}\n")
            .diagnostics.items()[0]
            .check == "values/literal-secret");
  CHECK(load("apiVersion: caxtool/v1\nalertmanager: {groupBy: [alertname, conversation_id]}\n")
            .diagnostics.items()[0]
            .check == "values/forbidden-label");
}

TEST_CASE("values: conflicts across keys") {
  Values clash = load("apiVersion: caxtool/v1\nprometheus:\n  host: caxton\n");
  REQUIRE_FALSE(clash.ok());
  CHECK(first_message(clash) ==
        "port 9090 on host \"caxton\" is used by both targets.orchestrator.port and "
        "prometheus.listenPort");
  CHECK(clash.diagnostics.items()[0].line == 3);

  Values range =
      load("apiVersion: caxtool/v1\ntargets: {agents: {portFrom: 9000, portTo: 8999}}\n");
  CHECK(first_message(range) == "targets.agents.portTo 8999 is below portFrom 9000");

  Values overlap = load("apiVersion: caxtool/v1\ntargets: {orchestrator: {port: 9095}}\n");
  CHECK(first_message(overlap).find("the agent range targets.agents (9091-9099)") !=
        std::string::npos);

  Values timeout = load("apiVersion: caxtool/v1\nscrape: {interval: 10s, timeout: 15s}\n");
  CHECK(first_message(timeout) == "scrape.timeout 15s is longer than scrape.interval 10s");

  Values local = load(
      "apiVersion: caxtool/v1\nprometheus: {host: 127.0.0.1}\n"
      "alertmanager: {host: localhost, port: 9090}\n");
  CHECK(first_message(local).find(
            "port 9090 on host \"127.0.0.1\" (the same host as \"localhost\")") !=
        std::string::npos);
}
