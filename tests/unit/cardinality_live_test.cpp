// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "cardinality/live.h"
#include "fake_client.h"

using namespace caxtool;
using namespace caxtool::cardinality;
using caxtool::testing::answer;
using caxtool::testing::FakeClient;

namespace {

http::SessionOptions options(http::Engine engine, std::string root = "http://prom:9090") {
  http::SessionOptions o;
  o.root_url = std::move(root);
  o.engine = engine;
  o.retries = 0;
  o.sleep_ms = [](int64_t) {};
  return o;
}

// n series of `metric`, each with its own `label` value, spread over `groups` values of `group`.
std::string series_json(const std::string& metric, const std::string& label, int n, int groups) {
  std::string body = R"({"status":"success","data":[)";
  for (int i = 0; i < n; ++i) {
    if (i) body += ',';
    body += R"({"__name__":")" + metric + R"(","group":"g)" + std::to_string(i % groups) +
            R"(",")" + label + R"(":"v)" + std::to_string(i) + R"("})";
  }
  return body + "]}";
}

const Offender* find(const Report& r, const std::string& kind, const std::string& name) {
  for (const Offender& o : r.offenders) {
    if (o.kind == kind && o.name == name) return &o;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("cardinality: a selector streams the series, finds the driving label, measures the fix",
          "[cardinality]") {
  FakeClient client;
  client.routes["/api/v1/series"] =
      answer(200, series_json("chat_total", "conversation_id", 60, 3));
  http::Session session(client, options(http::Engine::kPrometheus));
  LiveOptions o;
  o.selector = R"({job="caxton"})";
  o.budgets.max_series_per_metric = 10;
  o.budgets.forbidden = {"conversation_id"};
  auto result = analyze_server(session, o);
  REQUIRE(std::holds_alternative<Report>(result));
  const Report& r = std::get<Report>(result);
  CHECK(r.total_series == 60);
  REQUIRE(r.metrics.size() == 1);
  CHECK(r.metrics[0].top_label == "conversation_id");
  CHECK(r.metrics[0].top_label_values == 60);
  const Offender* m = find(r, "metric", "chat_total");
  REQUIRE(m != nullptr);
  CHECK(m->fix.removes == 57);  // 60 series become one per group
  CHECK(m->fix.yaml.find("target_label: conversation_id") != std::string::npos);
  const Offender* f = find(r, "forbidden", "conversation_id");
  REQUIRE(f != nullptr);
  CHECK(f->fix.removes == 57);
  // The fix passes narrowed the user's selector.
  bool narrowed = false;
  for (const auto& req : client.requests) {
    if (req.url.find("conversation_id%3D~") != std::string::npos &&
        req.url.find("job%3D") != std::string::npos) {
      narrowed = true;
    }
  }
  CHECK(narrowed);
}

TEST_CASE("cardinality: Mimir's cardinality API, with the tenant header", "[cardinality]") {
  FakeClient client;
  client.routes["/prometheus/api/v1/status/buildinfo"] =
      answer(404, "404 page not found", "text/plain");
  client.routes["/prometheus/api/v1/cardinality/label_names"] =
      answer(200, R"({"label_values_count_total":502,
      "label_names_count":2,"cardinality":[{"label_name":"conversation_id","label_values_count":500},
      {"label_name":"group","label_values_count":2}]})");
  client.routes["/prometheus/api/v1/cardinality/label_values"] =
      answer(200, R"({"series_count_total":520,
      "labels":[{"label_name":"__name__","label_values_count":2,"series_count":520,"cardinality":[
      {"label_value":"chat_total","series_count":500},{"label_value":"up","series_count":20}]}]})");
  client.routes["/prometheus/api/v1/series"] =
      answer(200, series_json("chat_total", "conversation_id", 500, 2));
  http::SessionOptions so = options(http::Engine::kMimir, "http://mimir:8080/prometheus");
  so.tenant = "team-a";
  http::Session session(client, so);
  LiveOptions o;
  o.budgets.max_series_per_metric = 100;
  o.budgets.max_label_values = 100;
  auto result = analyze_server(session, o);
  REQUIRE(std::holds_alternative<Report>(result));
  const Report& r = std::get<Report>(result);
  CHECK(r.total_series == 520);
  REQUIRE(r.metrics.size() == 2);
  CHECK(r.metrics[0].name == "chat_total");
  CHECK(r.labels[0].name == "conversation_id");
  const Offender* m = find(r, "metric", "chat_total");
  REQUIRE(m != nullptr);
  CHECK(m->fix.removes == 498);
  const Offender* l = find(r, "label", "conversation_id");
  REQUIRE(l != nullptr);
  CHECK(l->fix.yaml.find("labeldrop") != std::string::npos);
  for (const auto& req : client.requests) {
    bool tenant = false;
    for (const auto& [k, v] : req.headers)
      tenant = tenant || (k == "X-Scope-OrgID" && v == "team-a");
    CHECK(tenant);
  }
}

TEST_CASE("cardinality: Mimir with the analysis disabled says so", "[cardinality]") {
  FakeClient client;
  client.routes["/prometheus/api/v1/status/buildinfo"] = answer(404, "", "text/plain");
  client.routes["/prometheus/api/v1/cardinality/label_names"] =
      answer(400, "cardinality analysis is disabled for the tenant: team-a\n", "text/plain");
  http::Session session(client, options(http::Engine::kMimir, "http://mimir:8080/prometheus"));
  auto result = analyze_server(session, LiveOptions{});
  REQUIRE(std::holds_alternative<promapi::ApiError>(result));
  CHECK(std::get<promapi::ApiError>(result).message ==
        "HTTP 400: cardinality analysis is disabled for the tenant: team-a");
}

TEST_CASE("cardinality: a series answer cut short is an error, not a partial count",
          "[cardinality]") {
  FakeClient client;
  client.routes["/api/v1/series"] =
      answer(200, R"({"status":"success","data":[{"__name__":"a","x":"1"},)");
  http::Session session(client, options(http::Engine::kPrometheus));
  LiveOptions o;
  o.selector = "a";
  auto result = analyze_server(session, o);
  REQUIRE(std::holds_alternative<promapi::ApiError>(result));
  CHECK(std::get<promapi::ApiError>(result).message.find("ends early") != std::string::npos);
}
