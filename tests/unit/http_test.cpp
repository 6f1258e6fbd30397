// SPDX-License-Identifier: Apache-2.0
#include <atomic>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "fake_client.h"
#include "http/session.h"
#include "http/url.h"

using namespace caxtool::http;
using caxtool::testing::answer;
using caxtool::testing::FakeClient;
using caxtool::testing::header_of;
using caxtool::testing::redirect;
using caxtool::testing::transport_error;

namespace {

// A session whose waits are recorded instead of slept.
struct Rig {
  FakeClient client;
  std::vector<int64_t> waits;
  std::vector<std::string> log;

  SessionOptions options(std::string root = "http://prom:9090") {
    SessionOptions o;
    o.root_url = std::move(root);
    o.jitter_seed = 42;
    o.sleep_ms = [this](int64_t ms) { waits.push_back(ms); };
    o.log = [this](std::string_view line) { log.emplace_back(line); };
    return o;
  }

  std::string all_log() const {
    std::string out;
    for (const auto& l : log) out += l + "\n";
    return out;
  }
};

bool contains(std::string_view haystack, std::string_view needle) {
  return haystack.find(needle) != std::string_view::npos;
}

}  // namespace

TEST_CASE("http: parse_url reads scheme, host, port and path", "[http]") {
  auto u = parse_url("http://localhost:9090/api/v1?x=1#f");
  REQUIRE(u.ok);
  CHECK(u.origin.scheme == "http");
  CHECK(u.origin.host == "localhost");
  CHECK(u.origin.port == 9090);
  CHECK(u.path == "/api/v1");
  CHECK_FALSE(u.has_userinfo);

  auto caps = parse_url("HTTPS://Example.COM");
  REQUIRE(caps.ok);
  CHECK(caps.origin == Origin{"https", "example.com", 443});
  CHECK(caps.path.empty());

  auto query_only = parse_url("http://h?x=/y");
  REQUIRE(query_only.ok);
  CHECK(query_only.origin.port == 80);
  CHECK(query_only.path.empty());
}

TEST_CASE("http: parse_url takes IPv6 in brackets and skips userinfo", "[http]") {
  auto v6 = parse_url("http://[::1]:9090/metrics");
  REQUIRE(v6.ok);
  CHECK(v6.origin.host == "::1");
  CHECK(v6.origin.port == 9090);
  CHECK(v6.path == "/metrics");

  auto v6_default = parse_url("https://[2001:DB8::1]/");
  REQUIRE(v6_default.ok);
  CHECK(v6_default.origin.host == "2001:db8::1");
  CHECK(v6_default.origin.port == 443);

  auto user = parse_url("http://alice:p%40ss@prom:8080/x");
  REQUIRE(user.ok);
  CHECK(user.has_userinfo);
  CHECK(user.origin.host == "prom");
  CHECK(user.origin.port == 8080);
  CHECK(user.path == "/x");

  // Same origin whether or not the default port is written.
  CHECK(parse_url("http://prom:80/a").origin == parse_url("http://PROM/b").origin);
  CHECK_FALSE(parse_url("http://prom:9090/").origin == parse_url("http://prom:9091/").origin);
  CHECK_FALSE(parse_url("http://prom/").origin == parse_url("https://prom/").origin);
}

TEST_CASE("http: parse_url rejects what is not http(s)://host[:port]", "[http]") {
  for (const char* bad : {"", "localhost:9090", "prom/api", "ftp://prom/", "http://", "http:///x",
                          "http://:9090/", "http://user@/x", "http://prom:abc/", "http://prom:0/",
                          "http://prom:65536/", "http://prom:80x/", "http://prom:-1/",
                          "http://[::1", "http://[::1]9090/", "http://[]:80/"}) {
    INFO(bad);
    CHECK_FALSE(parse_url(bad).ok);
  }
  CHECK(parse_url("http://prom:65535/").ok);
  CHECK(parse_url("http://prom:1").origin.port == 1);
}

TEST_CASE("http: form_escape and encode_params escape like Go's url.QueryEscape", "[http]") {
  CHECK(form_escape("a b&c") == "a+b%26c");
  CHECK(form_escape("up{job=\"x\"}") == "up%7Bjob%3D%22x%22%7D");
  CHECK(form_escape("AZaz09-_.~") == "AZaz09-_.~");
  CHECK(form_escape("a+b/c?d#e%") == "a%2Bb%2Fc%3Fd%23e%25");
  CHECK(form_escape("\xc3\xa9") == "%C3%A9");
  CHECK(form_escape(std::string_view("\0\n", 2)) == "%00%0A");
  CHECK(form_escape("").empty());

  CHECK(encode_params({}).empty());
  CHECK(encode_params({{"query", "rate(x[5m]) > 1"}, {"time", "1.5"}}) ==
        "query=rate%28x%5B5m%5D%29+%3E+1&time=1.5");
  CHECK(encode_params({{"a b", ""}}) == "a+b=");
}

TEST_CASE("http: join_url drops the root's trailing slashes and appends the query", "[http]") {
  CHECK(join_url("http://prom:9090", "/api/v1/query") == "http://prom:9090/api/v1/query");
  CHECK(join_url("http://prom:9090/", "/api/v1/query") == "http://prom:9090/api/v1/query");
  CHECK(join_url("http://mimir/prometheus///", "/api/v1/labels") ==
        "http://mimir/prometheus/api/v1/labels");
  CHECK(join_url("http://prom", "/api/v1/targets", {{"state", "active"}, {"scrapePool", "a b"}}) ==
        "http://prom/api/v1/targets?state=active&scrapePool=a+b");
  CHECK(join_url("http://prom", "/x?y=1", {{"z", "2"}}) == "http://prom/x?y=1&z=2");
  CHECK(join_url("http://prom/", "/x", {}) == "http://prom/x");
}

TEST_CASE("http: redact_url removes user:password@", "[http]") {
  CHECK(redact_url("http://alice:hunter2@prom:9090/api?x=1") ==
        "http://<redacted>@prom:9090/api?x=1");
  CHECK(redact_url("https://token@prom") == "https://<redacted>@prom");
  CHECK(redact_url("http://a:b@c@prom/x") == "http://<redacted>@prom/x");
  // '@' outside the authority is not userinfo.
  CHECK(redact_url("http://prom/api?q=a@b") == "http://prom/api?q=a@b");
  // A '/' may hide in a (malformed) password, so any '@' before the query hides what precedes it.
  CHECK(redact_url("http://u:p/ss@host/x") == "http://<redacted>@host/x");
  CHECK(redact_url("http://prom/a@b") == "http://<redacted>@b");
  CHECK(redact_url("not a url") == "not a url");
  CHECK_FALSE(contains(redact_url("http://alice:hunter2@prom/"), "hunter2"));
  CHECK_FALSE(contains(redact_url("http://alice:hunter2@prom/"), "alice"));
}

TEST_CASE("http: base64 matches the RFC 4648 test vectors", "[http]") {
  CHECK(base64("") == "");
  CHECK(base64("f") == "Zg==");
  CHECK(base64("fo") == "Zm8=");
  CHECK(base64("foo") == "Zm9v");
  CHECK(base64("foob") == "Zm9vYg==");
  CHECK(base64("fooba") == "Zm9vYmE=");
  CHECK(base64("foobar") == "Zm9vYmFy");
  CHECK(base64("user:pass") == "dXNlcjpwYXNz");
  CHECK(base64("\xff\xfe\xfd") == "//79");
  CHECK(base64(std::string_view("\0", 1)) == "AA==");
}

TEST_CASE("http: response headers are found case-insensitively", "[http]") {
  Response r = answer(200, "{}", "application/json");
  r.headers.emplace_back("retry-after", "3");
  CHECK(r.header("Content-Type") == "application/json");
  CHECK(r.header("RETRY-AFTER") == "3");
  CHECK(r.header("x-missing").empty());
  CHECK(r.ok());
  CHECK_FALSE(transport_error(ErrorKind::kConnect).ok());
}

TEST_CASE("http: session retries connection errors, 503 and 429, then succeeds", "[http]") {
  for (Response first :
       {transport_error(ErrorKind::kConnect, "connection refused"),
        answer(503, "Service Unavailable", "text/plain"), answer(429, "slow down", "text/plain")}) {
    Rig rig;
    rig.client.script = {first, first, answer(200, "{}")};
    Session s(rig.client, rig.options());
    Response r = s.get("/api/v1/query", {{"query", "up"}});
    CHECK(r.ok());
    CHECK(r.status == 200);
    CHECK(rig.client.requests.size() == 3);
    CHECK(rig.waits.size() == 2);
    for (const auto& req : rig.client.requests) {
      CHECK(req.method == "GET");
      CHECK(req.url == "http://prom:9090/api/v1/query?query=up");
      CHECK(req.timeout_ms > 0);
      CHECK(req.timeout_ms <= 30000);
    }
  }
}

TEST_CASE("http: session does not retry 400, 401, 404, 500 or a timeout", "[http]") {
  for (Response once :
       {answer(400, "bad"), answer(401, "who"), answer(404, "no"), answer(500, "oops"),
        transport_error(ErrorKind::kTimeout, "slow"), transport_error(ErrorKind::kTls, "cert"),
        transport_error(ErrorKind::kOther, "truncated")}) {
    Rig rig;
    rig.client.script = {once, answer(200, "{}")};
    Session s(rig.client, rig.options());
    Response r = s.get("/api/v1/query");
    INFO("status " << once.status << " error " << once.error_message);
    CHECK(rig.client.requests.size() == 1);
    CHECK(rig.waits.empty());
    CHECK(r.status == once.status);
    CHECK(r.error == once.error);
  }
}

TEST_CASE("http: session stops after `retries` further attempts", "[http]") {
  for (int retries : {0, 1, 3}) {
    Rig rig;
    for (int i = 0; i < 10; ++i) rig.client.script.push_back(answer(503, "busy", "text/plain"));
    SessionOptions o = rig.options();
    o.retries = retries;
    Session s(rig.client, o);
    Response r = s.get("/api/v1/query");
    CHECK(r.ok());
    CHECK(r.status == 503);
    CHECK(rig.client.requests.size() == static_cast<size_t>(retries + 1));
    CHECK(rig.waits.size() == static_cast<size_t>(retries));
  }
  Rig rig;
  rig.client.fallback = transport_error(ErrorKind::kConnect, "refused");
  Session s(rig.client, rig.options());  // default: 2 retries
  Response r = s.get("/");
  CHECK(r.error == ErrorKind::kConnect);
  CHECK(rig.client.requests.size() == 3);
}

TEST_CASE("http: session backs off exponentially with jitter", "[http]") {
  Rig rig;
  rig.client.fallback = answer(503, "busy", "text/plain");
  SessionOptions o = rig.options();
  o.retries = 4;
  Session s(rig.client, o);
  s.get("/api/v1/query");
  REQUIRE(rig.waits.size() == 4);
  for (size_t n = 0; n < rig.waits.size(); ++n) {
    double base = 250.0 * std::pow(2.0, static_cast<double>(n));
    INFO("wait " << n << " = " << rig.waits[n]);
    CHECK(static_cast<double>(rig.waits[n]) >= std::floor(base * 0.5));
    CHECK(static_cast<double>(rig.waits[n]) <= base * 1.5);
  }
  CHECK(rig.waits[3] > rig.waits[0]);
  CHECK(contains(rig.all_log(), "retrying in " + std::to_string(rig.waits[0]) + " ms"));

  // The same seed gives the same waits: the jitter comes from the seeded generator.
  Rig again;
  again.client.fallback = rig.client.fallback;
  SessionOptions o2 = again.options();
  o2.retries = 4;
  Session s2(again.client, o2);
  s2.get("/api/v1/query");
  CHECK(again.waits == rig.waits);
}

TEST_CASE("http: session honours Retry-After in seconds, capped at 10s", "[http]") {
  Rig rig;
  Response later = answer(429, "later", "text/plain");
  later.headers.emplace_back("retry-after", "2");
  rig.client.script = {later, answer(200, "{}")};
  Session s(rig.client, rig.options());
  CHECK(s.get("/x").status == 200);
  REQUIRE(rig.waits.size() == 1);
  CHECK(rig.waits[0] == 2000);

  Rig capped;
  Response much_later = answer(503, "later", "text/plain");
  much_later.headers.emplace_back("retry-after", "120");
  capped.client.script = {much_later, answer(200, "{}")};
  Session s2(capped.client, capped.options());
  CHECK(s2.get("/x").status == 200);
  REQUIRE(capped.waits.size() == 1);
  CHECK(capped.waits[0] == 10000);

  // An HTTP-date is ignored: the exponential backoff applies.
  Rig dated;
  Response date = answer(503, "later", "text/plain");
  date.headers.emplace_back("retry-after", "Wed, 21 Oct 2015 07:28:00 GMT");
  dated.client.script = {date, answer(200, "{}")};
  Session s3(dated.client, dated.options());
  CHECK(s3.get("/x").status == 200);
  REQUIRE(dated.waits.size() == 1);
  CHECK(dated.waits[0] >= 125);
  CHECK(dated.waits[0] <= 375);
}

TEST_CASE("http: session does not wait past its deadline, nor after a cancel", "[http]") {
  Rig rig;
  Response later = answer(503, "later", "text/plain");
  later.headers.emplace_back("retry-after", "2");
  rig.client.script = {later, answer(200, "{}")};
  SessionOptions o = rig.options();
  o.timeout_ms = 1500;  // less than the 2 s the server asks for
  Session s(rig.client, o);
  Response r = s.get("/x");
  CHECK(r.status == 503);
  CHECK(rig.client.requests.size() == 1);
  CHECK(rig.waits.empty());
  REQUIRE(rig.client.requests.size() == 1);
  CHECK(rig.client.requests[0].timeout_ms <= 1500);

  Rig canceled;
  std::atomic<bool> cancel{false};
  canceled.client.fallback = transport_error(ErrorKind::kConnect, "refused");
  SessionOptions oc = canceled.options();
  oc.cancel = &cancel;
  oc.sleep_ms = [&](int64_t ms) {
    canceled.waits.push_back(ms);
    cancel = true;  // SIGINT during the wait
  };
  Session sc(canceled.client, oc);
  CHECK(sc.get("/x").error == ErrorKind::kConnect);
  CHECK(canceled.client.requests.size() == 1);
  CHECK(canceled.waits.size() == 1);
}

TEST_CASE("http: session sends credentials as Bearer or Basic", "[http]") {
  Rig bearer;
  bearer.client.fallback = answer(200, "{}");
  SessionOptions o = bearer.options();
  o.bearer_token = "X";
  o.basic_user = "ignored";  // the token wins
  Session s(bearer.client, o);
  s.get("/x");
  REQUIRE(bearer.client.requests.size() == 1);
  CHECK(header_of(bearer.client.requests[0], "Authorization") == "Bearer X");

  Rig basic;
  basic.client.fallback = answer(200, "{}");
  SessionOptions ob = basic.options();
  ob.basic_user = "user";
  ob.basic_password = "pass";
  Session sb(basic.client, ob);
  sb.get("/x");
  REQUIRE(basic.client.requests.size() == 1);
  CHECK(header_of(basic.client.requests[0], "Authorization") == "Basic " + base64("user:pass"));
  CHECK(header_of(basic.client.requests[0], "Authorization") == "Basic dXNlcjpwYXNz");

  Rig none;
  none.client.fallback = answer(200, "{}");
  Session sn(none.client, none.options());
  sn.get("/x");
  REQUIRE(none.client.requests.size() == 1);
  CHECK(none.client.requests[0].headers.empty());
}

TEST_CASE("http: session sends the tenant the way each engine takes it", "[http]") {
  struct Case {
    Engine engine;
    std::string tenant;
    Headers expected;
  };
  std::vector<Case> cases = {
      {Engine::kMimir, "team-a", {{"X-Scope-OrgID", "team-a"}}},
      {Engine::kCortex, "team-b", {{"X-Scope-OrgID", "team-b"}}},
      {Engine::kThanos, "team-c", {{"THANOS-TENANT", "team-c"}}},
      {Engine::kVictoriaMetrics, "5:7", {{"AccountID", "5"}, {"ProjectID", "7"}}},
      {Engine::kVictoriaMetrics, "5", {{"AccountID", "5"}}},
      {Engine::kPrometheus, "ignored", {}},
      {Engine::kAuto, "ignored", {}},
      {Engine::kMimir, "", {}},
  };
  for (const Case& c : cases) {
    Rig rig;
    rig.client.fallback = answer(200, "{}");
    SessionOptions o = rig.options("http://engine:8080/prometheus");
    o.engine = c.engine;
    o.tenant = c.tenant;
    Session s(rig.client, o);
    s.get("/api/v1/query");
    REQUIRE(rig.client.requests.size() == 1);
    INFO(engine_name(c.engine) << " tenant " << c.tenant);
    CHECK(rig.client.requests[0].headers == c.expected);
    CHECK(rig.client.requests[0].url == "http://engine:8080/prometheus/api/v1/query");
  }
}

TEST_CASE("http: session puts a VictoriaMetrics tenant into a /select root's path", "[http]") {
  Rig rig;
  rig.client.fallback = answer(200, "{}");
  SessionOptions o = rig.options("http://vmselect:8481/select/");
  o.engine = Engine::kVictoriaMetrics;
  o.tenant = "5:7";
  Session s(rig.client, o);
  CHECK(s.root() == "http://vmselect:8481/select/5:7/prometheus");
  s.get("/api/v1/query", {{"query", "up"}});
  REQUIRE(rig.client.requests.size() == 1);
  CHECK(rig.client.requests[0].url ==
        "http://vmselect:8481/select/5:7/prometheus/api/v1/query?query=up");
  CHECK_FALSE(header_of(rig.client.requests[0], "AccountID"));
  CHECK_FALSE(header_of(rig.client.requests[0], "ProjectID"));
  CHECK(s.describe("/api/v1/query") ==
        "GET http://vmselect:8481/select/5:7/prometheus/api/v1/query");

  // A root that names the tenant already is left alone, and takes no header either.
  Rig named;
  named.client.fallback = answer(200, "{}");
  SessionOptions on = named.options("http://vmselect:8481/select/0/prometheus");
  on.engine = Engine::kVictoriaMetrics;
  on.tenant = "5:7";
  Session sn(named.client, on);
  CHECK(sn.root() == "http://vmselect:8481/select/0/prometheus");
  sn.get("/api/v1/query");
  REQUIRE(named.client.requests.size() == 1);
  CHECK(named.client.requests[0].headers.empty());
}

TEST_CASE("http: session keeps credentials on a same-origin redirect", "[http]") {
  Rig rig;
  rig.client.script = {redirect("http://prom:9090/new/api/v1/query?query=up", 301),
                       answer(200, "{}")};
  SessionOptions o = rig.options();
  o.bearer_token = "tok";
  o.engine = Engine::kMimir;
  o.tenant = "t1";
  o.headers = {{"X-Api-Key", "sekrit"}};
  Session s(rig.client, o);
  Response r = s.get("/api/v1/query", {{"query", "up"}});
  CHECK(r.status == 200);
  REQUIRE(rig.client.requests.size() == 2);
  const Request& second = rig.client.requests[1];
  CHECK(second.url == "http://prom:9090/new/api/v1/query?query=up");
  CHECK(header_of(second, "Authorization") == "Bearer tok");
  CHECK(header_of(second, "X-Scope-OrgID") == "t1");
  CHECK(header_of(second, "X-Api-Key") == "sekrit");
  CHECK(rig.waits.empty());  // a redirect is followed at once
}

TEST_CASE("http: session sends no credentials or custom headers to another origin", "[http]") {
  for (const char* elsewhere : {"http://prom:9091/api/v1/query", "http://other:9090/api/v1/query",
                                "https://prom:9090/api/v1/query", "http://evil.example/steal"}) {
    Rig rig;
    rig.client.script = {redirect(elsewhere, 307), answer(200, "{}")};
    SessionOptions o = rig.options();
    o.bearer_token = "tok";
    o.engine = Engine::kThanos;
    o.tenant = "t1";
    o.headers = {{"X-Api-Key", "sekrit"}, {"X-Custom", "plain"}};
    Session s(rig.client, o);
    CHECK(s.get("/api/v1/query").status == 200);
    REQUIRE(rig.client.requests.size() == 2);
    INFO(elsewhere);
    CHECK(header_of(rig.client.requests[0], "Authorization") == "Bearer tok");
    CHECK(header_of(rig.client.requests[0], "X-Custom") == "plain");
    const Request& second = rig.client.requests[1];
    CHECK(second.url == elsewhere);
    CHECK(second.headers.empty());
    CHECK(contains(rig.all_log(), "redirect to another origin"));
  }

  // Basic credentials are dropped the same way.
  Rig basic;
  basic.client.script = {redirect("http://other:9090/x"), answer(200, "{}")};
  SessionOptions ob = basic.options();
  ob.basic_user = "user";
  ob.basic_password = "pass";
  Session sb(basic.client, ob);
  sb.get("/x");
  REQUIRE(basic.client.requests.size() == 2);
  CHECK_FALSE(header_of(basic.client.requests[1], "Authorization"));
}

TEST_CASE("http: session gives up after too many redirects", "[http]") {
  Rig rig;
  rig.client.fallback = redirect("http://prom:9090/loop");
  SessionOptions o = rig.options();
  o.max_redirects = 3;
  Session s(rig.client, o);
  Response r = s.get("/loop");
  CHECK(r.error == ErrorKind::kOther);
  CHECK(contains(r.error_message, "more than 3 redirects"));
  CHECK(rig.client.requests.size() == 4);

  Rig defaults;
  defaults.client.fallback = redirect("http://prom:9090/loop");
  Session sd(defaults.client, defaults.options());
  CHECK_FALSE(sd.get("/loop").ok());
  CHECK(defaults.client.requests.size() == 6);  // the first, then 5 redirects followed

  Rig unusable;
  unusable.client.script = {redirect("ftp://alice:pw@files/x")};
  Session su(unusable.client, unusable.options());
  Response ru = su.get("/x");
  CHECK(ru.error == ErrorKind::kOther);
  CHECK(contains(ru.error_message, "unusable location"));
  CHECK_FALSE(contains(ru.error_message, "pw"));
}

TEST_CASE("http: a redirect is not a retry", "[http]") {
  Rig rig;
  Response busy = answer(503, "busy", "text/plain");
  rig.client.script = {redirect("http://prom:9090/b"), busy, redirect("http://prom:9090/c"), busy,
                       answer(200, "{}")};
  SessionOptions o = rig.options();
  o.retries = 2;
  Session s(rig.client, o);
  CHECK(s.get("/a").status == 200);
  CHECK(rig.client.requests.size() == 5);
  CHECK(rig.waits.size() == 2);

  // A 3xx without a location is an answer, not a redirect.
  Rig bare;
  bare.client.script = {answer(304, "")};
  Session sb(bare.client, bare.options());
  CHECK(sb.get("/a").status == 304);
  CHECK(bare.client.requests.size() == 1);
}

TEST_CASE("http: session log never shows a secret", "[http]") {
  const std::string token = "s3cr3t-bearer-token";
  const std::string password = "hunter2-basic-password";
  const std::string key = "sekrit";

  auto run = [&](SessionOptions o, Rig& rig) {
    o.headers = {{"X-Api-Key", key}, {"X-Auth-Token", key + "2"}, {"X-Plain", "visible"}};
    o.engine = Engine::kMimir;
    o.tenant = "team-a";
    Session s(rig.client, o);
    s.get("/api/v1/query", {{"query", "up"}});
    std::string text = rig.all_log();
    REQUIRE_FALSE(text.empty());
    CHECK(contains(text, "-> GET http://"));
    CHECK(contains(text, "X-Plain: visible"));
    CHECK(contains(text, "X-Scope-OrgID: team-a"));
    CHECK(contains(text, "<redacted>"));
    REQUIRE_FALSE(contains(text, token));
    REQUIRE_FALSE(contains(text, password));
    REQUIRE_FALSE(contains(text, base64("alice:" + password)));
    REQUIRE_FALSE(contains(text, key));
    return text;
  };

  // Through a retry, a same-origin redirect, and a redirect elsewhere.
  auto scripted = [](FakeClient& c) {
    c.script = {transport_error(ErrorKind::kConnect, "refused"), answer(503, "", "text/plain"),
                redirect("http://prom:9090/moved/api/v1/query?query=up"),
                redirect("http://other:9090/api/v1/query?query=up"), answer(200, "{}")};
  };

  Rig with_token;
  scripted(with_token.client);
  SessionOptions ot = with_token.options();
  ot.bearer_token = token;
  run(ot, with_token);
  CHECK(with_token.client.requests.size() == 5);

  Rig with_basic;
  scripted(with_basic.client);
  SessionOptions ob = with_basic.options("http://alice:" + password + "@prom:9090");
  ob.basic_user = "alice";
  ob.basic_password = password;
  CHECK(contains(run(ob, with_basic), "Authorization: <redacted>"));
  CHECK(with_basic.client.requests.size() == 5);
  // The sent request does carry the secrets: the log is what hides them.
  CHECK(header_of(with_basic.client.requests[0], "X-Api-Key") == key);
  CHECK(contains(with_basic.client.requests[0].url, password));
}

TEST_CASE("http: describe names the request without credentials", "[http]") {
  FakeClient client;
  SessionOptions o;
  o.root_url = "http://alice:hunter2@prom:9090/";
  Session s(client, o);
  CHECK(s.describe("/api/v1/targets", {{"state", "active"}}) ==
        "GET http://<redacted>@prom:9090/api/v1/targets?state=active");
  CHECK(client.requests.empty());
}

TEST_CASE("http: is_secret_header recognises credential-bearing names", "[http]") {
  for (const char* secret :
       {"Authorization", "authorization", "Proxy-Authorization", "Cookie", "Set-Cookie",
        "X-Api-Key", "X-Auth-Token", "Private-Token", "X-Client-Secret", "X-Password",
        "X-Amz-Security-Token", "X-Session-Id", "X-Credential"}) {
    INFO(secret);
    CHECK(is_secret_header(secret));
  }
  for (const char* plain : {"X-Scope-OrgID", "THANOS-TENANT", "AccountID", "ProjectID", "Accept",
                            "Content-Type", "User-Agent", "X-Plain"}) {
    INFO(plain);
    CHECK_FALSE(is_secret_header(plain));
  }
}

TEST_CASE("http: engine names", "[http]") {
  CHECK(engine_name(Engine::kAuto) == "auto");
  CHECK(engine_name(Engine::kPrometheus) == "prometheus");
  CHECK(engine_name(Engine::kVictoriaMetrics) == "victoriametrics");
  CHECK(engine_name(Engine::kThanos) == "thanos");
  CHECK(engine_name(Engine::kMimir) == "mimir");
  CHECK(engine_name(Engine::kCortex) == "cortex");
}
