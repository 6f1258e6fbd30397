// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "fake_client.h"
#include "promapi/api.h"
#include "promapi/doctor.h"
#include "promapi/query.h"
#include "promapi/server.h"
#include "promapi/targets.h"
#include "promapi/tsdb_status.h"

using namespace caxtool::promapi;
using caxtool::http::Engine;
using caxtool::http::ErrorKind;
using caxtool::http::Params;
using caxtool::http::Session;
using caxtool::http::SessionOptions;
using caxtool::testing::answer;
using caxtool::testing::FakeClient;
using caxtool::testing::transport_error;

namespace {

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

std::unique_ptr<Document> parse_ok(std::string body) {
  ApiResult r = parse_envelope("GET http://prom:9090/api/v1/x", answer(200, std::move(body)));
  if (auto* e = std::get_if<ApiError>(&r)) FAIL("unexpected ApiError: " << e->message);
  return std::move(std::get<std::unique_ptr<Document>>(r));
}

ApiError parse_error(long status, std::string body, std::string type = "application/json") {
  ApiResult r = parse_envelope("GET http://prom:9090/api/v1/x",
                               answer(status, std::move(body), std::move(type)));
  if (!std::holds_alternative<ApiError>(r)) FAIL("expected an ApiError");
  return std::get<ApiError>(r);
}

SessionOptions quick(std::string root = "http://prom:9090") {
  SessionOptions o;
  o.root_url = std::move(root);
  o.retries = 0;
  o.jitter_seed = 1;
  o.sleep_ms = [](int64_t) {};
  return o;
}

ServerInfo server(Engine engine, int major = 0, int minor = 0) {
  ServerInfo info;
  info.engine = engine;
  info.major = major;
  info.minor = minor;
  return info;
}

std::string params_text(const Params& p) {
  std::string out;
  for (const auto& [k, v] : p) out += k + "=" + v + ";";
  return out;
}

}  // namespace

// --- the envelope -------------------------------------------------------------------------------

TEST_CASE("promapi: a success envelope gives data, warnings and infos", "[promapi]") {
  auto doc = parse_ok(R"({"status":"success","data":{"resultType":"vector","result":[]},)"
                      R"("warnings":["w1","w2"],"infos":["i1"]})");
  CHECK(get_string(doc->data(), "resultType") == "vector");
  CHECK(doc->warnings() == std::vector<std::string>{"w1", "w2"});
  CHECK(doc->infos() == std::vector<std::string>{"i1"});
  CHECK(doc->response().status == 200);
  CHECK(get_string(doc->root(), "status") == "success");
}

TEST_CASE("promapi: a body without status is its own data", "[promapi]") {
  auto doc = parse_ok(R"({"cardinality":[{"label_name":"job","series":3}]})");
  simdjson::dom::element list;
  CHECK(doc->data()["cardinality"].get(list) == simdjson::SUCCESS);
  CHECK(doc->warnings().empty());

  auto arr = parse_ok(R"([{"tenant":"a"}])");
  CHECK(arr->data().is_array());
}

TEST_CASE("promapi: a plain-text 503 says the server is not ready", "[promapi]") {
  ApiError e = parse_error(503, "Service Unavailable", "text/plain; charset=utf-8");
  CHECK(e.status == 503);
  CHECK(e.message == "HTTP 503: Service Unavailable");
  CHECK(contains(e.hint, "not ready"));
  CHECK(contains(e.hint, "write-ahead log"));
  CHECK(e.asked == "GET http://prom:9090/api/v1/x");

  ApiError other = parse_error(503, "upstream connect error", "text/plain");
  CHECK(contains(other.hint, "overloaded or not ready"));
  CHECK_FALSE(contains(other.hint, "write-ahead log"));
}

TEST_CASE("promapi: a JSON error names its type, message and hint", "[promapi]") {
  ApiError canceled =
      parse_error(499, R"({"status":"error","errorType":"canceled","error":"context canceled"})");
  CHECK(canceled.status == 499);
  CHECK(canceled.message == "HTTP 499, canceled: context canceled");
  CHECK(contains(canceled.hint, "canceled"));

  // VictoriaMetrics writes the status code as the errorType.
  ApiError vm = parse_error(
      422, R"({"status":"error","errorType":"422","error":"cannot parse \"rate(\": unexpected"})");
  CHECK(vm.message == "HTTP 422, 422: cannot parse \"rate(\": unexpected");
  CHECK(vm.hint == "the query failed while running on the server");

  ApiError bad = parse_error(
      400, R"({"status":"error","errorType":"bad_data","error":"invalid parameter \"query\""})");
  CHECK(bad.hint == "the server rejected the request's parameters");

  // An error object without the envelope's fields: the body is the message.
  ApiError bare = parse_error(502, R"({"code":502})");
  CHECK(bare.message == "HTTP 502: {\"code\":502}");
  CHECK(contains(bare.hint, "the server failed"));

  // status "error" with a 200 code is still an error.
  ApiError ok_code = parse_error(200, R"({"status":"error","errorType":"timeout","error":"x"})");
  CHECK(contains(ok_code.hint, "query timeout"));
}

TEST_CASE("promapi: Mimir's plain-text 400 body becomes the message", "[promapi]") {
  ApiError e = parse_error(
      400, "invalid parameter \"start\": cannot parse \"yesterday\" to a valid timestamp\n",
      "text/plain; charset=utf-8");
  CHECK(e.status == 400);
  CHECK(e.message ==
        "HTTP 400: invalid parameter \"start\": cannot parse \"yesterday\" to a valid timestamp");

  ApiError unauthorized = parse_error(401, "no org id\n", "text/plain");
  CHECK(unauthorized.message == "HTTP 401: no org id");
  CHECK(contains(unauthorized.hint, "--tenant"));

  ApiError missing = parse_error(404, "404 page not found", "text/plain");
  CHECK(contains(missing.hint, "/prometheus prefix"));
}

TEST_CASE("promapi: invalid or truncated JSON is reported as such", "[promapi]") {
  ApiError cut = parse_error(200, R"({"status":"success","data":{"resultType":"vec)");
  CHECK(cut.status == 200);
  CHECK(contains(cut.message, "invalid JSON"));
  CHECK(contains(cut.message, "bytes"));
  CHECK(contains(cut.hint, "cut short"));

  ApiError junk = parse_error(200, "{not json at all}");
  CHECK(contains(junk.message, "invalid JSON"));
}

TEST_CASE("promapi: a 200 that is not JSON says so", "[promapi]") {
  ApiError html = parse_error(200, "<!doctype html>\n<html><body>Grafana</body></html>",
                              "text/html; charset=utf-8");
  CHECK(contains(html.message, "not JSON"));
  CHECK(contains(html.message, "text/html"));
  CHECK(contains(html.message, "Grafana"));
  CHECK(contains(html.hint, "API root"));

  ApiError empty = parse_error(200, "", "");
  CHECK(contains(empty.message, "not JSON"));
  CHECK(contains(empty.message, "an empty body"));
  CHECK(empty.status == 200);
}

TEST_CASE("promapi: failure describes transport errors", "[promapi]") {
  SessionOptions o;
  o.timeout_ms = 1234;
  ApiError refused = failure("GET x", transport_error(ErrorKind::kConnect, "refused"), o);
  CHECK(refused.status == 0);
  CHECK(refused.message == "could not connect: refused");
  CHECK(contains(refused.hint, "--url"));

  ApiError slow = failure("GET x", transport_error(ErrorKind::kTimeout, "t"), o);
  CHECK(contains(slow.message, "1234 ms"));

  ApiError interrupted = failure("GET x", transport_error(ErrorKind::kCanceled, "c"), o);
  CHECK(interrupted.interrupted);

  CHECK(render(refused) ==
        "caxtool: GET x: could not connect: refused\n  hint: " + refused.hint + "\n");
  ApiError no_hint;
  no_hint.asked = "GET y";
  no_hint.message = "m";
  CHECK(render(no_hint) == "caxtool: GET y: m\n");
}

TEST_CASE("promapi: readers never throw and fall back", "[promapi]") {
  auto doc =
      parse_ok(R"({"s":"x","n":12,"f":"12.5","nan":"NaN","inf":"+Inf","ninf":"-Inf","bad":"1x",)"
               R"("neg":-3,"big":18446744073709551615,"arr":[1]})");
  auto d = doc->data();
  CHECK(get_string(d, "s") == "x");
  CHECK(get_string(d, "n", "fb") == "fb");
  CHECK(get_string(d, "missing", "fb") == "fb");
  CHECK(get_number(d, "n") == 12);
  CHECK(get_number(d, "f") == 12.5);
  CHECK(std::isnan(get_number(d, "nan")));
  CHECK(get_number(d, "inf") == std::numeric_limits<double>::infinity());
  CHECK(get_number(d, "ninf") == -std::numeric_limits<double>::infinity());
  CHECK(get_number(d, "bad", -1) == -1);
  CHECK(get_number(d, "neg") == -3);
  CHECK(get_number(d, "big") == Approx(18446744073709551615.0));
  CHECK(get_number(d, "arr", 7) == 7);
  CHECK(get_number(d, "missing", 7) == 7);
  CHECK(get_string(d["arr"].value(), "s", "fb") == "fb");
}

// --- targets ------------------------------------------------------------------------------------

namespace {

// Prometheus 2.42: dropped targets carry only their discovered labels.
const char* kTargets242 = R"({"status":"success","data":{
 "activeTargets":[
  {"discoveredLabels":{"__address__":"localhost:9090","__metrics_path__":"/metrics",
     "__scheme__":"http","job":"prometheus"},
   "labels":{"instance":"localhost:9090","job":"prometheus"},
   "scrapePool":"prometheus","scrapeUrl":"http://localhost:9090/metrics",
   "globalUrl":"http://host:9090/metrics","lastError":"",
   "lastScrape":"2023-03-01T10:00:00.5Z","lastScrapeDuration":0.003456,
   "health":"up","scrapeInterval":"15s","scrapeTimeout":"10s"},
  {"discoveredLabels":{"__address__":"node1:9100","job":"node"},
   "labels":{"instance":"node1:9100","job":"node"},
   "scrapePool":"node","scrapeUrl":"http://node1:9100/metrics","globalUrl":"",
   "lastError":"Get \"http://node1:9100/metrics\": dial tcp: connection refused",
   "lastScrape":"2023-03-01T10:00:01Z","lastScrapeDuration":0.0012,
   "health":"down","scrapeInterval":"15s","scrapeTimeout":"10s"},
  {"discoveredLabels":{"__address__":"node2:9100","job":"node"},
   "labels":{"instance":"node2:9100","job":"node"},
   "scrapePool":"node","scrapeUrl":"http://node2:9100/metrics","globalUrl":"",
   "lastError":"","lastScrape":"0001-01-01T00:00:00Z","lastScrapeDuration":0,
   "health":"unknown","scrapeInterval":"15s","scrapeTimeout":"10s"}],
 "droppedTargets":[
  {"discoveredLabels":{"__address__":"10.0.0.5:8080","__meta_kubernetes_pod_name":"p",
     "job":"kubernetes-pods"}}]}})";

// Prometheus 3.x: dropped targets name their pool, and droppedTargetCounts counts them per pool.
const char* kTargets3 = R"({"status":"success","data":{
 "activeTargets":[
  {"discoveredLabels":{"__address__":"collector:8888","job":"otel-collector"},
   "labels":{"instance":"collector:8888","job":"otel-collector"},
   "scrapePool":"otel-collector","scrapeUrl":"http://collector:8888/metrics","globalUrl":"",
   "lastError":"","lastScrape":"2025-01-02T03:04:05.123456789+01:00",
   "lastScrapeDuration":0.25,"health":"up","scrapeInterval":"15s","scrapeTimeout":"10s"}],
 "droppedTargets":[
  {"discoveredLabels":{"__address__":"10.0.0.6:8080","job":"kubernetes-pods"},
   "scrapePool":"kubernetes-pods"},
  {"discoveredLabels":{"__address__":"10.0.0.7:8080"},"scrapePool":"blackbox"}],
 "droppedTargetCounts":{"kubernetes-pods":1,"blackbox":1,"node":0}}})";

Targets targets_of(const char* body, const TargetsQuery& q = {}) {
  auto read = read_targets(parse_ok(body), q);
  if (auto* e = std::get_if<ApiError>(&read)) FAIL("unexpected ApiError: " << e->message);
  return std::move(std::get<Targets>(read));
}

}  // namespace

TEST_CASE("promapi: read_targets on a Prometheus 2.42 answer", "[promapi]") {
  Targets t = targets_of(kTargets242);
  CHECK(t.active_total == 3);
  CHECK(t.dropped_total == 1);
  REQUIRE(t.targets.size() == 4);
  const Target& up = t.targets[0];
  CHECK(up.active);
  CHECK(up.pool == "prometheus");
  CHECK(up.job == "prometheus");
  CHECK(up.instance == "localhost:9090");
  CHECK(up.health == "up");
  CHECK(up.scrape_url == "http://localhost:9090/metrics");
  REQUIRE(up.last_scrape);
  CHECK(*up.last_scrape == Approx(1677664800.5));
  CHECK(up.scrape_duration == Approx(0.003456));
  CHECK(get_string(up.raw, "globalUrl") == "http://host:9090/metrics");

  CHECK(t.targets[1].health == "down");
  CHECK(contains(t.targets[1].last_error, "connection refused"));
  CHECK(t.targets[2].health == "unknown");
  CHECK_FALSE(t.targets[2].last_scrape);  // Go's zero time: never scraped

  const Target& dropped = t.targets[3];
  CHECK_FALSE(dropped.active);
  CHECK(dropped.pool == "kubernetes-pods");  // no scrapePool before 3.x: the discovered job
  CHECK(dropped.job == "kubernetes-pods");
  CHECK(dropped.instance == "10.0.0.5:8080");
  CHECK(dropped.health.empty());
  CHECK(t.dropped_counts.empty());
  CHECK(t.any_down());
}

TEST_CASE("promapi: read_targets on a Prometheus 3.x answer", "[promapi]") {
  Targets t = targets_of(kTargets3);
  REQUIRE(t.targets.size() == 3);
  REQUIRE(t.targets[0].last_scrape);
  CHECK(*t.targets[0].last_scrape == Approx(1735783445.123456789));
  CHECK(t.targets[1].pool == "kubernetes-pods");
  CHECK(t.targets[2].pool == "blackbox");
  CHECK(t.targets[2].job.empty());
  CHECK(t.targets[2].instance == "10.0.0.7:8080");
  REQUIRE(t.dropped_counts.size() == 3);
  CHECK(t.dropped_counts[0] == std::pair<std::string_view, uint64_t>{"kubernetes-pods", 1});
  CHECK(t.dropped_counts[2] == std::pair<std::string_view, uint64_t>{"node", 0});
  CHECK_FALSE(t.any_down());
}

TEST_CASE("promapi: read_targets filters by state, pool and health", "[promapi]") {
  TargetsQuery active;
  active.state = "active";
  Targets a = targets_of(kTargets242, active);
  CHECK(a.targets.size() == 3);
  CHECK(a.dropped_total == 1);  // totals are counted before the filters
  for (const Target& t : a.targets) CHECK(t.active);

  TargetsQuery dropped;
  dropped.state = "dropped";
  Targets d = targets_of(kTargets242, dropped);
  REQUIRE(d.targets.size() == 1);
  CHECK_FALSE(d.targets[0].active);
  CHECK(d.active_total == 3);

  TargetsQuery pool;
  pool.pool = "node";
  Targets p = targets_of(kTargets242, pool);
  REQUIRE(p.targets.size() == 2);
  CHECK(p.targets[0].instance == "node1:9100");
  CHECK(p.targets[1].instance == "node2:9100");

  TargetsQuery pool3;
  pool3.pool = "blackbox";
  Targets p3 = targets_of(kTargets3, pool3);
  REQUIRE(p3.targets.size() == 1);
  CHECK(p3.targets[0].instance == "10.0.0.7:8080");

  TargetsQuery down;
  down.down_only = true;
  Targets dn = targets_of(kTargets242, down);
  REQUIRE(dn.targets.size() == 2);  // "down" and "unknown": not up
  CHECK(dn.targets[0].health == "down");
  CHECK(dn.targets[1].health == "unknown");
  CHECK(dn.any_down());

  TargetsQuery down3;
  down3.down_only = true;
  CHECK(targets_of(kTargets3, down3).targets.empty());
}

TEST_CASE("promapi: read_targets rejects an answer without target lists", "[promapi]") {
  auto read = read_targets(parse_ok(R"({"status":"success","data":{"groups":[]}})"), {});
  REQUIRE(std::holds_alternative<ApiError>(read));
  CHECK(contains(std::get<ApiError>(read).message, "activeTargets"));

  auto arr = read_targets(parse_ok(R"({"status":"success","data":[]})"), {});
  CHECK(std::holds_alternative<ApiError>(arr));
}

TEST_CASE("promapi: targets_params lets the server filter first", "[promapi]") {
  CHECK(targets_params({}).empty());
  TargetsQuery q;
  q.state = "active";
  CHECK(targets_params(q) == Params{{"state", "active"}});
  q.state = "dropped";
  q.pool = "node";
  CHECK(targets_params(q) == Params{{"state", "dropped"}, {"scrapePool", "node"}});
  TargetsQuery down;
  down.down_only = true;
  CHECK(targets_params(down) == Params{{"state", "active"}});
}

// --- tsdb status --------------------------------------------------------------------------------

namespace {

const char* kTsdbPrometheus = R"({"status":"success","data":{
 "headStats":{"numSeries":508,"numLabelPairs":1234,"chunkCount":937,
   "minTime":1591516800000,"maxTime":1598896800143},
 "seriesCountByMetricName":[{"name":"net_conntrack_dialer_conn_failed_total","value":20},
   {"name":"prometheus_http_request_duration_seconds_bucket","value":40}],
 "labelValueCountByLabelName":[{"name":"__name__","value":211},{"name":"le","value":100}],
 "memoryInBytesByLabelName":[{"name":"__name__","value":8266},{"name":"instance","value":28}],
 "seriesCountByLabelValuePair":[{"name":"job=prometheus","value":425},
   {"name":"instance=localhost:9090","value":425}]}})";

const char* kTsdbVictoria = R"({"status":"success","isPartial":false,"data":{
 "totalSeries":1234,"totalLabelValuePairs":5678,
 "seriesCountByMetricName":[{"name":"vm_rows","value":300},{"name":"up","value":12}],
 "seriesCountByLabelName":[{"name":"__name__","value":1234},{"name":"job","value":1200}],
 "seriesCountByFocusLabelValue":[],
 "seriesCountByLabelValuePair":[{"name":"job=vm","value":900}],
 "labelValueCountByLabelName":[{"name":"instance","value":17}]}})";

const char* kTsdbThanosReceive = R"({"status":"success","data":[
 {"tenant":"team-a","headStats":{"numSeries":10,"numLabelPairs":5,"chunkCount":20,
   "minTime":1,"maxTime":2},"seriesCountByMetricName":[{"name":"a","value":10}]},
 {"tenant":"team-b","headStats":{"numSeries":7,"numLabelPairs":3,"chunkCount":9,
   "minTime":1,"maxTime":2},"seriesCountByMetricName":[{"name":"b","value":7}]}]})";

TsdbReport tsdb_of(const char* body, const ServerInfo& info, const TsdbStatusQuery& q,
                   bool limit_sent) {
  auto doc = parse_ok(body);
  auto read = read_tsdb_status(*doc, info, q, limit_sent);
  if (auto* e = std::get_if<ApiError>(&read)) FAIL("unexpected ApiError: " << e->message);
  return std::move(std::get<TsdbReport>(read));
}

}  // namespace

TEST_CASE("promapi: read_tsdb_status on a Prometheus answer", "[promapi]") {
  TsdbReport r = tsdb_of(kTsdbPrometheus, server(Engine::kPrometheus, 2, 45), {}, true);
  CHECK(r.engine == Engine::kPrometheus);
  CHECK(r.limit_sent);
  CHECK(r.notes.empty());
  REQUIRE(r.tenants.size() == 1);
  const TsdbStatus& s = r.tenants[0];
  CHECK(s.tenant.empty());
  REQUIRE(s.head);
  CHECK(s.head->num_series == 508);
  CHECK(s.head->num_label_pairs == 1234);
  CHECK(s.head->chunk_count == 937);
  CHECK(s.head->min_time_ms == 1591516800000);
  CHECK(s.head->max_time_ms == 1598896800143);
  CHECK_FALSE(s.total_series);
  REQUIRE(s.series_by_metric.size() == 2);
  CHECK(s.series_by_metric[0].name == "prometheus_http_request_duration_seconds_bucket");
  CHECK(s.series_by_metric[0].value == 40);  // sorted largest first
  CHECK(s.label_values_by_name.size() == 2);
  REQUIRE(s.memory_by_label_name.size() == 2);
  CHECK(s.memory_by_label_name[0].value == 8266);
  REQUIRE(s.series_by_label_pair.size() == 2);
  CHECK(s.series_by_label_pair[0].name == "job=prometheus");
  CHECK(s.series_by_label_name.empty());
}

TEST_CASE("promapi: read_tsdb_status on a VictoriaMetrics answer", "[promapi]") {
  // A proxy may report a Prometheus build: the shape decides.
  TsdbStatusQuery q;
  q.limit = 5000;
  TsdbReport r = tsdb_of(kTsdbVictoria, server(Engine::kPrometheus, 2, 24), q, true);
  CHECK(r.engine == Engine::kVictoriaMetrics);
  REQUIRE(r.tenants.size() == 1);
  const TsdbStatus& s = r.tenants[0];
  CHECK_FALSE(s.head);
  CHECK(s.total_series == uint64_t{1234});
  CHECK(s.total_label_value_pairs == uint64_t{5678});
  REQUIRE(s.series_by_label_name.size() == 2);
  CHECK(s.series_by_label_name[1].name == "job");
  CHECK(s.series_by_label_name[1].value == 1200);
  CHECK(s.series_by_focus_value.empty());
  CHECK(s.series_by_metric.size() == 2);
  REQUIRE(r.notes.size() == 1);
  CHECK(contains(r.notes[0], "1000"));
}

TEST_CASE("promapi: read_tsdb_status on Thanos Receive's per-tenant array", "[promapi]") {
  TsdbReport r = tsdb_of(kTsdbThanosReceive, server(Engine::kAuto), {}, false);
  CHECK(r.engine == Engine::kThanos);
  REQUIRE(r.tenants.size() == 2);
  CHECK(r.tenants[0].tenant == "team-a");
  CHECK(r.tenants[1].tenant == "team-b");
  REQUIRE(r.tenants[1].head);
  CHECK(r.tenants[1].head->num_series == 7);
  REQUIRE(r.tenants[1].series_by_metric.size() == 1);
  CHECK(r.tenants[1].series_by_metric[0].name == "b");
}

TEST_CASE("promapi: read_tsdb_status cuts lists to the limit, keeping the largest", "[promapi]") {
  const char* body = R"({"status":"success","data":{"headStats":{"numSeries":1},
   "seriesCountByMetricName":[{"name":"a","value":1},{"name":"b","value":5},
     {"name":"c","value":3},{"name":"d","value":4},{"name":"e","value":2}]}})";
  TsdbStatusQuery q;
  q.limit = 2;
  TsdbReport r = tsdb_of(body, server(Engine::kPrometheus, 2, 42), q, false);
  REQUIRE(r.tenants.size() == 1);
  const auto& list = r.tenants[0].series_by_metric;
  REQUIRE(list.size() == 2);
  CHECK(list[0].name == "b");
  CHECK(list[1].name == "d");

  // A server that takes no limit, asked for more than its 10: the reader is told.
  TsdbStatusQuery many;
  many.limit = 20;
  TsdbReport old = tsdb_of(body, server(Engine::kPrometheus, 2, 42), many, false);
  CHECK(old.tenants[0].series_by_metric.size() == 5);
  REQUIRE(old.notes.size() == 1);
  CHECK(contains(old.notes[0], "2.45"));
}

TEST_CASE("promapi: a non-status answer is an ApiError", "[promapi]") {
  auto doc = parse_ok(R"({"status":"success","data":{"resultType":"vector","result":[]}})");
  auto read = read_tsdb_status(*doc, server(Engine::kPrometheus, 2, 45), {}, true);
  REQUIRE(std::holds_alternative<ApiError>(read));
  CHECK(contains(std::get<ApiError>(read).message, "not a TSDB status"));
}

TEST_CASE("promapi: tsdb_status_params follows the engine and version", "[promapi]") {
  bool sent = true;
  CHECK(tsdb_status_params(server(Engine::kPrometheus, 2, 42), {}, sent).empty());
  CHECK_FALSE(sent);

  CHECK(tsdb_status_params(server(Engine::kPrometheus, 2, 45), {}, sent) ==
        Params{{"limit", "10"}});
  CHECK(sent);
  CHECK(tsdb_status_params(server(Engine::kPrometheus, 3, 0), {}, sent) == Params{{"limit", "10"}});

  TsdbStatusQuery vm;
  vm.limit = 25;
  vm.date = "2025-01-02";
  vm.focus_label = "job";
  CHECK(params_text(tsdb_status_params(server(Engine::kVictoriaMetrics), vm, sent)) ==
        "topN=25;date=2025-01-02;focusLabel=job;");
  CHECK(sent);

  TsdbStatusQuery huge;
  huge.limit = 50000;
  CHECK(tsdb_status_params(server(Engine::kPrometheus, 2, 50), huge, sent) ==
        Params{{"limit", "10000"}});
  CHECK(tsdb_status_params(server(Engine::kVictoriaMetrics), huge, sent) ==
        Params{{"topN", "10000"}});
  CHECK(tsdb_status_params(server(Engine::kThanos), huge, sent) == Params{{"limit", "10000"}});
  CHECK(sent);

  sent = true;
  CHECK(tsdb_status_params(server(Engine::kAuto), {}, sent).empty());
  CHECK_FALSE(sent);
  sent = true;
  CHECK(tsdb_status_params(server(Engine::kMimir), {}, sent).empty());
  CHECK_FALSE(sent);
}

// --- query results ------------------------------------------------------------------------------

namespace {

QueryResult query_of(std::string body) {
  auto read = read_query_result(parse_ok(std::move(body)));
  if (auto* e = std::get_if<ApiError>(&read)) FAIL("unexpected ApiError: " << e->message);
  return std::move(std::get<QueryResult>(read));
}

}  // namespace

TEST_CASE("promapi: read_query_result reads a vector", "[promapi]") {
  QueryResult r = query_of(
      R"({"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"job":"x","__name__":"up","instance":"a:1"},"value":[1700000000.5,"1"]},
        {"metric":{},"value":[1700000000.5,"NaN"]}]}})");
  CHECK(r.result_type == "vector");
  REQUIRE(r.series.size() == 2);
  const Series& s = r.series[0];
  REQUIRE(s.labels.size() == 3);
  CHECK(s.labels[0].first == "__name__");
  CHECK(s.labels[1].first == "instance");
  CHECK(s.labels[2].first == "job");
  REQUIRE(s.samples.size() == 1);
  CHECK(s.samples[0].time == 1700000000.5);
  CHECK(s.samples[0].value == "1");
  CHECK(s.samples[0].histogram.empty());
  CHECK(series_name(s) == "up{instance=\"a:1\", job=\"x\"}");
  CHECK(r.series[1].samples.at(0).value == "NaN");
  CHECK(series_name(r.series[1]) == "{}");
}

TEST_CASE("promapi: read_query_result reads a matrix in time order", "[promapi]") {
  QueryResult r = query_of(
      R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"__name__":"up"},"values":[[30,"3"],[10,"1"],[20,"2"]]}]}})");
  CHECK(r.result_type == "matrix");
  REQUIRE(r.series.size() == 1);
  const auto& samples = r.series[0].samples;
  REQUIRE(samples.size() == 3);
  CHECK(samples[0].time == 10);
  CHECK(samples[0].value == "1");
  CHECK(samples[2].time == 30);
  CHECK(samples[2].value == "3");
  CHECK(series_name(r.series[0]) == "up");
}

TEST_CASE("promapi: read_query_result reads a scalar and a string", "[promapi]") {
  QueryResult scalar = query_of(
      R"({"status":"success","data":{"resultType":"scalar","result":[1700000000,"3.14"]}})");
  CHECK(scalar.result_type == "scalar");
  REQUIRE(scalar.series.size() == 1);
  CHECK(scalar.series[0].labels.empty());
  REQUIRE(scalar.series[0].samples.size() == 1);
  CHECK(scalar.series[0].samples[0].time == 1700000000);
  CHECK(scalar.series[0].samples[0].value == "3.14");

  QueryResult str =
      query_of(R"({"status":"success","data":{"resultType":"string","result":[1.5,"hello"]}})");
  CHECK(str.result_type == "string");
  REQUIRE(str.series.size() == 1);
  REQUIRE(str.series[0].samples.size() == 1);
  CHECK(str.series[0].samples[0].value == "hello");
  CHECK(str.series[0].samples[0].time == 1.5);
}

TEST_CASE("promapi: read_query_result renders native histograms", "[promapi]") {
  QueryResult r = query_of(
      R"({"status":"success","data":{"resultType":"vector","result":[
        {"metric":{"__name__":"h"},"histogram":[1700000000,
          {"count":"10","sum":"3.5","buckets":[[0,"0.5","1","3"]]}]}]}})");
  REQUIRE(r.series.size() == 1);
  REQUIRE(r.series[0].samples.size() == 1);
  CHECK(r.series[0].samples[0].histogram == "count=10 sum=3.5 (0.5,1]:3");
  CHECK(r.series[0].samples[0].value.empty());

  QueryResult rules = query_of(
      R"({"status":"success","data":{"resultType":"matrix","result":[
        {"metric":{"__name__":"h"},"histograms":[[2,
          {"count":"4","sum":"1","buckets":[[1,"-1","0","1"],[2,"0","1","1"],[3,"1","2","2"],
                                           ["bad"],[0,1,2,3]]}],
          [1,{"count":"0","sum":"0"}]]}]}})");
  REQUIRE(rules.series.size() == 1);
  REQUIRE(rules.series[0].samples.size() == 2);
  CHECK(rules.series[0].samples[0].histogram == "count=0 sum=0");
  CHECK(rules.series[0].samples[1].histogram == "count=4 sum=1 [-1,0):1 (0,1):1 [1,2]:2");
}

TEST_CASE("promapi: read_query_result rejects an answer without a result", "[promapi]") {
  auto read = read_query_result(parse_ok(R"({"status":"success","data":{"activeTargets":[]}})"));
  REQUIRE(std::holds_alternative<ApiError>(read));
  CHECK(contains(std::get<ApiError>(read).message, "resultType"));
}

TEST_CASE("promapi: series_name escapes label values as PromQL does", "[promapi]") {
  std::string value = "C:\\dir \"q\"\nx";
  Series s;
  s.labels = {{"__name__", "m"}, {"path", value}};
  CHECK(series_name(s) == R"(m{path="C:\\dir \"q\"\nx"})");

  Series no_name;
  no_name.labels = {{"a", "1"}, {"b", "2"}};
  CHECK(series_name(no_name) == R"({a="1", b="2"})");

  CHECK(series_name(Series{}) == "{}");
}

// --- detect_server ------------------------------------------------------------------------------

TEST_CASE("promapi: detect_server tells the engine from the build info", "[promapi]") {
  struct Case {
    const char* body;
    Engine engine;
    std::string version;
    int major, minor;
  };
  for (const Case& c : std::vector<Case>{
           {R"({"status":"success","data":{"version":"2.42.0","revision":"x"}})",
            Engine::kPrometheus, "2.42.0", 2, 42},
           {R"({"status":"success","data":{"version":"v3.1.0","goVersion":"go1.23"}})",
            Engine::kPrometheus, "v3.1.0", 3, 1},
           {R"({"status":"success","data":{"version":"0.32.5","revision":"abc"}})", Engine::kThanos,
            "0.32.5", 0, 32},
           // VictoriaMetrics 1.96+ fakes a Prometheus version for Grafana, with nothing else.
           {R"({"status":"success","data":{"version":"2.24.0"}})", Engine::kVictoriaMetrics,
            "2.24.0", 2, 24},
           {R"({"status":"success","data":{}})", Engine::kVictoriaMetrics, "", 0, 0},
       }) {
    FakeClient client;
    client.routes["/api/v1/status/buildinfo"] = answer(200, c.body);
    Session session(client, quick());
    auto detected = detect_server(session);
    REQUIRE(std::holds_alternative<ServerInfo>(detected));
    const ServerInfo& info = std::get<ServerInfo>(detected);
    INFO(c.body);
    CHECK(info.engine == c.engine);
    CHECK(info.version == c.version);
    CHECK(info.major == c.major);
    CHECK(info.minor == c.minor);
    CHECK(info.buildinfo != nullptr);
    REQUIRE(client.requests.size() == 1);
    CHECK(client.requests[0].url == "http://prom:9090/api/v1/status/buildinfo");
  }
}

TEST_CASE("promapi: detect_server keeps --engine and tolerates a missing endpoint", "[promapi]") {
  FakeClient client;
  client.routes["/api/v1/status/buildinfo"] =
      answer(200, R"({"status":"success","data":{"version":"2.45.0","revision":"r"}})");
  SessionOptions o = quick();
  o.engine = Engine::kMimir;
  Session session(client, o);
  auto detected = detect_server(session);
  REQUIRE(std::holds_alternative<ServerInfo>(detected));
  CHECK(std::get<ServerInfo>(detected).engine == Engine::kMimir);
  CHECK(std::get<ServerInfo>(detected).at_least(2, 45));
  CHECK_FALSE(std::get<ServerInfo>(detected).at_least(2, 46));

  FakeClient missing;
  missing.fallback = answer(404, "404 page not found", "text/plain");
  Session s404(missing, quick());
  auto unknown = detect_server(s404);
  REQUIRE(std::holds_alternative<ServerInfo>(unknown));
  CHECK(std::get<ServerInfo>(unknown).engine == Engine::kAuto);
  CHECK(std::get<ServerInfo>(unknown).buildinfo == nullptr);

  FakeClient down;
  down.fallback = transport_error(ErrorKind::kConnect, "connection refused");
  Session sdown(down, quick());
  auto err = detect_server(sdown);
  REQUIRE(std::holds_alternative<ApiError>(err));
  CHECK(std::get<ApiError>(err).status == 0);
  CHECK(contains(std::get<ApiError>(err).message, "connection refused"));
  CHECK(std::get<ApiError>(err).asked == "GET http://prom:9090/api/v1/status/buildinfo");

  FakeClient broken;
  broken.fallback = answer(500, "internal error", "text/plain");
  Session sbroken(broken, quick());
  auto err500 = detect_server(sbroken);
  REQUIRE(std::holds_alternative<ApiError>(err500));
  CHECK(std::get<ApiError>(err500).status == 500);
}

TEST_CASE("promapi: call retries through the session and reads the envelope", "[promapi]") {
  FakeClient client;
  client.script = {answer(503, "Service Unavailable", "text/plain"),
                   answer(200, R"({"status":"success","data":{"x":1}})")};
  SessionOptions o = quick();
  o.retries = 1;
  Session session(client, o);
  ApiResult r = call(session, "/api/v1/x", {{"a", "b c"}});
  REQUIRE(std::holds_alternative<std::unique_ptr<Document>>(r));
  CHECK(get_number(std::get<std::unique_ptr<Document>>(r)->data(), "x") == 1);
  REQUIRE(client.requests.size() == 2);
  CHECK(client.requests[1].url == "http://prom:9090/api/v1/x?a=b+c");
}

// --- doctor -------------------------------------------------------------------------------------

namespace {

std::vector<std::string> names_of(const DoctorReport& r) {
  std::vector<std::string> out;
  for (const Step& s : r.steps) out.push_back(s.name);
  return out;
}

const Step& step(const DoctorReport& r, std::string_view name) {
  for (const Step& s : r.steps) {
    if (s.name == name) return s;
  }
  FAIL("no step " << name);
  static const Step kNone;  // not reached: FAIL throws
  return kNone;
}

// A healthy Prometheus 2.45 with an OpenTelemetry collector among its targets.
void healthy(FakeClient& c) {
  c.fallback = answer(404, "404 page not found", "text/plain");
  c.routes["/-/healthy"] = answer(200, "Prometheus Server is Healthy.\n", "text/plain");
  c.routes["/-/ready"] = answer(200, "Prometheus Server is Ready.\n", "text/plain");
  c.routes["/api/v1/status/buildinfo"] =
      answer(200, R"({"status":"success","data":{"version":"2.45.0","revision":"r"}})");
  c.routes["/api/v1/status/runtimeinfo"] =
      answer(200,
             R"({"status":"success","data":{"reloadConfigSuccess":true,
          "lastConfigTime":"2025-01-02T03:04:05Z"}})");
  c.routes["/api/v1/targets"] = answer(200, R"({"status":"success","data":{"activeTargets":[
      {"labels":{"job":"prometheus","instance":"localhost:9090"},"scrapePool":"prometheus",
       "health":"up","lastError":"","lastScrape":"2025-01-02T03:04:05Z"},
      {"labels":{"job":"otel-collector","instance":"collector:8888"},
       "scrapePool":"otel-collector","health":"up","lastError":""},
      {"labels":{"job":"app","instance":"app:8080"},"scrapePool":"app","health":"up",
       "lastError":""}],"droppedTargets":[]}})");
  c.routes["/api/v1/rules"] = answer(200, R"({"status":"success","data":{"groups":[
      {"name":"g1","rules":[{"name":"r1","health":"ok"},{"name":"r2","health":"ok"}]},
      {"name":"g2","rules":[{"name":"r3","health":"ok"}]}]}})");
  c.routes["/api/v1/alerts"] = answer(200, R"({"status":"success","data":{"alerts":[
      {"labels":{"alertname":"Slow"},"state":"pending"}]}})");
  c.routes["/api/v1/status/tsdb"] = answer(200, R"({"status":"success","data":{
      "headStats":{"numSeries":1000,"numLabelPairs":10,"chunkCount":2000,"minTime":1,"maxTime":2},
      "seriesCountByMetricName":[{"name":"http_requests_total","value":400},
        {"name":"up","value":3}]}})");
}

}  // namespace

TEST_CASE("promapi: doctor skips every step when the server is unreachable", "[promapi]") {
  FakeClient client;
  client.fallback = transport_error(ErrorKind::kConnect, "connection refused");
  Session session(client, quick());
  DoctorReport r = run_doctor(session, {});
  CHECK(names_of(r) == std::vector<std::string>{"reachable", "ready", "config", "targets",
                                                "collector", "rules", "alerts", "series",
                                                "cardinality"});
  REQUIRE(r.steps.size() == 9);
  CHECK(r.steps[0].status == StepStatus::kFail);
  CHECK(contains(r.steps[0].summary, "could not connect"));
  CHECK_FALSE(r.steps[0].hint.empty());
  for (size_t i = 1; i < r.steps.size(); ++i) {
    INFO(r.steps[i].name);
    CHECK(r.steps[i].status == StepStatus::kSkip);
  }
  CHECK(r.failed());
  CHECK(client.requests.size() == 1);  // nothing else was asked
  CHECK(step_status_name(StepStatus::kSkip) == "skip");
}

TEST_CASE("promapi: doctor on a healthy server", "[promapi]") {
  FakeClient client;
  healthy(client);
  Session session(client, quick());
  DoctorReport r = run_doctor(session, {});
  CHECK(names_of(r) == std::vector<std::string>{"reachable", "ready", "config", "targets",
                                                "collector", "rules", "alerts", "series",
                                                "cardinality"});
  CHECK(r.engine == "prometheus");
  CHECK(r.version == "2.45.0");
  for (const Step& s : r.steps) {
    INFO(s.name << ": " << s.summary);
    CHECK(s.status == StepStatus::kOk);
  }
  CHECK_FALSE(r.failed());
  CHECK(step(r, "reachable").summary ==
        "the server answers at http://prom:9090 (prometheus 2.45.0)");
  CHECK(step(r, "config").summary == "last reload succeeded (2025-01-02T03:04:05Z)");
  CHECK(step(r, "targets").summary == "all 3 targets up");
  CHECK(step(r, "collector").summary ==
        "collector metrics up at collector:8888 (job otel-collector)");
  CHECK(step(r, "rules").summary == "2 groups, 3 rules, all evaluating");
  CHECK(step(r, "alerts").summary == "none firing, 1 pending");
  CHECK(step(r, "series").summary == "1000 head series (budget 100000, 1%)");
  CHECK(step(r, "cardinality").summary ==
        "largest: http_requests_total with 400 series (40% of all)");
  CHECK(step(r, "cardinality").details ==
        std::vector<std::string>{"http_requests_total 400", "up 3"});

  // 2.45 takes the limit; the targets are asked for active only.
  bool asked_tsdb = false;
  for (const auto& req : client.requests) {
    if (contains(req.url, "/api/v1/status/tsdb")) {
      asked_tsdb = true;
      CHECK(req.url == "http://prom:9090/api/v1/status/tsdb?limit=5");
    }
    if (contains(req.url, "/api/v1/targets"))
      CHECK(req.url == "http://prom:9090/api/v1/targets?state=active");
  }
  CHECK(asked_tsdb);
}

TEST_CASE("promapi: doctor on a struggling server", "[promapi]") {
  FakeClient client;
  healthy(client);
  client.routes["/-/ready"] = answer(503, "Service Unavailable", "text/plain");
  client.routes["/api/v1/status/runtimeinfo"] =
      answer(200, R"({"status":"success","data":{"reloadConfigSuccess":false,
          "lastConfigTime":"2025-01-01T00:00:00Z"}})");
  client.routes["/api/v1/targets"] = answer(200, R"({"status":"success","data":{"activeTargets":[
      {"labels":{"job":"otel-collector","instance":"collector:8888"},"health":"down",
       "lastError":"connection refused"},
      {"labels":{"job":"app","instance":"app:8080"},"health":"up","lastError":""}]}})");
  client.routes["/api/v1/rules"] = answer(200, R"({"status":"success","data":{"groups":[
      {"name":"g1","rules":[{"name":"r1","health":"err","lastError":"bad"},
                            {"name":"r2","health":"ok"}]}]}})");
  client.routes["/api/v1/alerts"] = answer(200, R"({"status":"success","data":{"alerts":[
      {"labels":{"alertname":"Down","severity":"critical"},"state":"firing"},
      {"labels":{"alertname":"Slow"},"state":"pending"}]}})");
  client.routes["/api/v1/status/tsdb"] = answer(200, R"({"status":"success","data":{
      "headStats":{"numSeries":150000},
      "seriesCountByMetricName":[{"name":"exploding","value":60000}]}})");
  Session session(client, quick());
  DoctorReport r = run_doctor(session, {});
  CHECK(step(r, "reachable").status == StepStatus::kOk);
  CHECK(step(r, "ready").status == StepStatus::kFail);
  CHECK(contains(step(r, "ready").hint, "write-ahead log"));
  CHECK(step(r, "config").status == StepStatus::kFail);
  CHECK(contains(step(r, "config").summary, "2025-01-01T00:00:00Z"));
  CHECK(step(r, "targets").status == StepStatus::kFail);
  CHECK(step(r, "targets").summary == "1 of 2 targets down");
  CHECK(step(r, "targets").details ==
        std::vector<std::string>{"otel-collector collector:8888: connection refused"});
  CHECK(step(r, "collector").status == StepStatus::kFail);
  CHECK(step(r, "collector").details == std::vector<std::string>{"connection refused"});
  CHECK(step(r, "rules").status == StepStatus::kFail);
  CHECK(step(r, "rules").summary == "1 of 2 rules fail to evaluate");
  CHECK(step(r, "rules").details == std::vector<std::string>{"g1/r1: bad"});
  CHECK(step(r, "alerts").status == StepStatus::kWarn);
  CHECK(step(r, "alerts").summary == "1 firing, 1 pending");
  CHECK(step(r, "alerts").details == std::vector<std::string>{"Down (critical)"});
  CHECK(step(r, "series").status == StepStatus::kFail);
  CHECK(step(r, "cardinality").status == StepStatus::kWarn);
  CHECK(r.failed());
}

TEST_CASE("promapi: doctor without the optional endpoints", "[promapi]") {
  // A VictoriaMetrics-like server: empty build info, no runtimeinfo, no targets.
  FakeClient client;
  healthy(client);
  client.routes["/api/v1/status/buildinfo"] = answer(200, R"({"status":"success","data":{}})");
  client.routes.erase("/api/v1/status/runtimeinfo");
  client.routes["/api/v1/targets"] =
      answer(400, R"({"status":"error","errorType":"bad_data","error":"unsupported path"})");
  client.routes["/api/v1/alerts"] = answer(200, R"({"status":"success","data":{"alerts":[]}})");
  client.routes["/api/v1/rules"] = answer(200, R"({"status":"success","data":{"groups":[]}})");
  client.routes["/api/v1/status/tsdb"] = answer(200, R"({"status":"success","data":{
      "totalSeries":85000,"seriesCountByMetricName":[{"name":"a","value":10}]}})");
  Session session(client, quick());
  DoctorOptions o;
  o.top = 3;
  DoctorReport r = run_doctor(session, o);
  CHECK(r.engine == "victoriametrics");
  CHECK(step(r, "config").status == StepStatus::kSkip);
  CHECK(step(r, "targets").status == StepStatus::kSkip);
  CHECK(step(r, "collector").status == StepStatus::kSkip);
  CHECK(step(r, "rules").status == StepStatus::kWarn);
  CHECK(step(r, "alerts").status == StepStatus::kOk);
  CHECK(step(r, "alerts").summary == "none firing");
  CHECK(step(r, "series").status == StepStatus::kWarn);  // 85% of the budget
  CHECK(step(r, "series").summary == "85000 series today (budget 100000, 85%)");
  CHECK(step(r, "cardinality").status == StepStatus::kOk);
  CHECK_FALSE(r.failed());
  for (const auto& req : client.requests) {
    if (contains(req.url, "/api/v1/status/tsdb"))
      CHECK(req.url == "http://prom:9090/api/v1/status/tsdb?topN=3");
  }
}

TEST_CASE("promapi: doctor reads firing alerts without labels", "[promapi]") {
  FakeClient client;
  healthy(client);
  client.routes["/api/v1/alerts"] = answer(200, R"({"status":"success","data":{"alerts":[
      {"state":"firing"},{"labels":{},"state":"firing"}]}})");
  Session session(client, quick());
  DoctorReport r = run_doctor(session, {});
  CHECK(step(r, "alerts").status == StepStatus::kWarn);
  CHECK(step(r, "alerts").details == std::vector<std::string>{"?", "?"});
}

TEST_CASE("promapi: doctor goes on when the health probe answers but fails", "[promapi]") {
  // A root without /-/healthy (an API behind a proxy): a warning, and every step still runs.
  FakeClient client;
  healthy(client);
  client.routes["/-/healthy"] = answer(404, "404 page not found", "text/plain");
  Session session(client, quick());
  DoctorReport r = run_doctor(session, {});
  CHECK(step(r, "reachable").status == StepStatus::kWarn);
  CHECK(contains(step(r, "reachable").summary, "no /-/healthy"));
  CHECK(step(r, "targets").status == StepStatus::kOk);
  CHECK_FALSE(r.failed());
  // 401 from an auth proxy: a failure with the credentials hint, but the other steps still ask.
  client.routes["/-/healthy"] = answer(401, "Unauthorized", "text/plain");
  r = run_doctor(session, {});
  CHECK(step(r, "reachable").status == StepStatus::kFail);
  CHECK(contains(step(r, "reachable").hint, "--bearer-token-file"));
  CHECK(step(r, "ready").status == StepStatus::kOk);
  CHECK(r.failed());
}

TEST_CASE("promapi: doctor shows at most five offenders", "[promapi]") {
  FakeClient client;
  healthy(client);
  std::string targets = R"({"status":"success","data":{"activeTargets":[)";
  for (int i = 0; i < 8; ++i) {
    if (i) targets += ",";
    targets += R"({"labels":{"job":"app","instance":"app)" + std::to_string(i) +
               R"(:80"},"health":"down","lastError":"e"})";
  }
  targets += "]}}";
  client.routes["/api/v1/targets"] = answer(200, targets);
  Session session(client, quick());
  DoctorReport r = run_doctor(session, {});
  const Step& t = step(r, "targets");
  CHECK(t.summary == "8 of 8 targets down");
  REQUIRE(t.details.size() == 6);
  CHECK(t.details[0] == "app app0:80: e");
  CHECK(t.details[5] == "... and 3 more");
  CHECK(step(r, "collector").status == StepStatus::kWarn);  // no collector target at all
}
