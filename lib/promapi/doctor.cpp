// SPDX-License-Identifier: Apache-2.0
// See doctor.h. Steps run in the guide's order; when the server cannot be reached the rest are
// skipped rather than failed, so the first line says what to fix.
#include "promapi/doctor.h"

#include <algorithm>

#include "promapi/api.h"
#include "promapi/server.h"
#include "promapi/targets.h"
#include "promapi/tsdb_status.h"

namespace caxtool::promapi {

namespace {

constexpr size_t kMaxDetails = 5;

std::string pct(uint64_t part, uint64_t whole) {
  if (whole == 0) return "-";
  return std::to_string(part * 100 / whole) + "%";
}

void add_detail(Step& s, std::string line, size_t& shown, size_t total) {
  if (shown < kMaxDetails) {
    s.details.push_back(std::move(line));
  } else if (shown == kMaxDetails) {
    s.details.push_back("... and " + std::to_string(total - kMaxDetails) + " more");
  }
  ++shown;
}

Step fail_step(std::string name, const ApiError& e) {
  Step s{std::move(name), StepStatus::kFail, e.message, {}, e.hint};
  // A server that lacks the endpoint (VictoriaMetrics has no runtimeinfo) is not a failure.
  if (e.status == 400 || e.status == 404) {
    s.status = StepStatus::kSkip;
    s.summary = "this server does not provide it (HTTP " + std::to_string(e.status) + ")";
    s.hint.clear();
  }
  return s;
}

// `answered` is false when no HTTP answer came back at all (nothing listens, timeout, TLS).
Step check_plain(http::Session& session, std::string name, std::string_view path,
                 std::string_view what, bool* answered = nullptr) {
  http::Response r = session.get(path);
  if (answered != nullptr) *answered = r.ok();
  if (r.ok() && r.status == 200)
    return {std::move(name), StepStatus::kOk, std::string(what), {}, {}};
  ApiError e = failure(session.describe(path), r, session.options());
  Step s{std::move(name), StepStatus::kFail, e.message, {}, e.hint};
  // An API root behind a proxy (Mimir's /prometheus) may lack the probe: not a failure.
  if (r.ok() && r.status == 404) {
    s.status = StepStatus::kWarn;
    s.summary = "the server answers, but has no " + std::string(path) + " (HTTP 404)";
    s.hint.clear();
  }
  return s;
}

Step check_config(http::Session& session) {
  ApiResult r = call(session, "/api/v1/status/runtimeinfo");
  if (auto* e = std::get_if<ApiError>(&r)) return fail_step("config", *e);
  auto& doc = std::get<std::unique_ptr<Document>>(r);
  bool success = true;
  if (doc->data()["reloadConfigSuccess"].get(success) != simdjson::SUCCESS) {
    return {"config", StepStatus::kSkip, "the server does not report its config reloads", {}, {}};
  }
  std::string when(get_string(doc->data(), "lastConfigTime"));
  if (success) return {"config", StepStatus::kOk, "last reload succeeded (" + when + ")", {}, {}};
  return {
      "config",
      StepStatus::kFail,
      "the last config reload failed; the server runs the config of " + when,
      {},
      "run `caxtool check config` on the file, fix it, reload; the server log says why it failed"};
}

void check_targets(http::Session& session, const DoctorOptions& options, std::vector<Step>& steps) {
  ApiResult r = call(session, "/api/v1/targets", {{"state", "active"}});
  if (auto* e = std::get_if<ApiError>(&r)) {
    steps.push_back(fail_step("targets", *e));
    steps.push_back({"collector", StepStatus::kSkip, "no target list", {}, {}});
    return;
  }
  TargetsQuery q;
  q.state = "active";
  auto read = read_targets(std::move(std::get<std::unique_ptr<Document>>(r)), q);
  if (auto* e = std::get_if<ApiError>(&read)) {
    steps.push_back(fail_step("targets", *e));
    steps.push_back({"collector", StepStatus::kSkip, "no target list", {}, {}});
    return;
  }
  const Targets& t = std::get<Targets>(read);
  Step s{"targets", StepStatus::kOk, "", {}, {}};
  size_t down = 0;
  for (const Target& target : t.targets) down += target.health == "down" ? size_t{1} : size_t{0};
  if (t.targets.empty()) {
    s.status = StepStatus::kWarn;
    s.summary = "no active targets";
    s.hint = "the scrape config selects nothing: check scrape_configs and service discovery";
  } else if (down == 0) {
    s.summary = "all " + std::to_string(t.targets.size()) + " targets up";
  } else {
    s.status = StepStatus::kFail;
    s.summary = std::to_string(down) + " of " + std::to_string(t.targets.size()) + " targets down";
    size_t shown = 0;
    for (const Target& target : t.targets) {
      if (target.health != "down") continue;
      add_detail(s,
                 std::string(target.pool) + " " + std::string(target.instance) + ": " +
                     std::string(target.last_error),
                 shown, down);
    }
    s.hint = "`caxtool targets --down` lists them; curl each scrape URL from the server's host";
  }
  steps.push_back(std::move(s));

  Step c{"collector", StepStatus::kWarn, "", {}, {}};
  const Target* found = nullptr;
  for (const Target& target : t.targets) {
    bool match = options.collector_job.empty()
                     ? (target.job == "otel-collector" || target.job == "opentelemetry-collector" ||
                        (target.instance.size() > 5 &&
                         target.instance.substr(target.instance.size() - 5) == ":8888"))
                     : target.job == options.collector_job;
    if (match) {
      found = &target;
      break;
    }
  }
  if (found == nullptr) {
    c.summary = "no target scrapes the collector's own metrics";
    c.hint =
        "add a scrape job for the collector's telemetry (port 8888), or name it with "
        "--collector-job";
  } else if (found->health == "up") {
    c.status = StepStatus::kOk;
    c.summary = "collector metrics up at " + std::string(found->instance) + " (job " +
                std::string(found->job) + ")";
  } else {
    c.status = found->health == "down" ? StepStatus::kFail : StepStatus::kWarn;
    c.summary =
        "collector metrics " + std::string(found->health) + " at " + std::string(found->instance);
    if (!found->last_error.empty()) c.details.push_back(std::string(found->last_error));
    c.hint = "is the collector running, with service.telemetry.metrics on port 8888? check its log";
  }
  steps.push_back(std::move(c));
}

Step check_rules(http::Session& session) {
  ApiResult r = call(session, "/api/v1/rules");
  if (auto* e = std::get_if<ApiError>(&r)) return fail_step("rules", *e);
  auto& doc = std::get<std::unique_ptr<Document>>(r);
  simdjson::dom::array groups;
  if (doc->data()["groups"].get(groups) != simdjson::SUCCESS) {
    return {"rules", StepStatus::kSkip, "the answer has no rule groups", {}, {}};
  }
  Step s{"rules", StepStatus::kOk, "", {}, {}};
  size_t rules = 0, bad = 0, shown = 0;
  std::vector<std::string> lines;
  for (simdjson::dom::element g : groups) {
    simdjson::dom::array list;
    if (g["rules"].get(list) != simdjson::SUCCESS) continue;
    for (simdjson::dom::element rule : list) {
      ++rules;
      if (get_string(rule, "health") != "err") continue;
      ++bad;
      lines.push_back(std::string(get_string(g, "name")) + "/" +
                      std::string(get_string(rule, "name")) + ": " +
                      std::string(get_string(rule, "lastError")));
    }
  }
  if (groups.size() == 0) {
    s.status = StepStatus::kWarn;
    s.summary = "no rule groups loaded";
    s.hint = "rule_files in prometheus.yml names no file, or the glob matches none";
  } else if (bad == 0) {
    s.summary = std::to_string(groups.size()) + " groups, " + std::to_string(rules) +
                " rules, all evaluating";
  } else {
    s.status = StepStatus::kFail;
    s.summary = std::to_string(bad) + " of " + std::to_string(rules) + " rules fail to evaluate";
    for (auto& l : lines) add_detail(s, std::move(l), shown, bad);
    s.hint = "query each rule's expression with `caxtool query` to see the error in place";
  }
  return s;
}

Step check_alerts(http::Session& session) {
  ApiResult r = call(session, "/api/v1/alerts");
  if (auto* e = std::get_if<ApiError>(&r)) return fail_step("alerts", *e);
  auto& doc = std::get<std::unique_ptr<Document>>(r);
  simdjson::dom::array alerts;
  if (doc->data()["alerts"].get(alerts) != simdjson::SUCCESS) {
    return {"alerts", StepStatus::kSkip, "the answer has no alerts list", {}, {}};
  }
  Step s{"alerts", StepStatus::kOk, "", {}, {}};
  size_t firing = 0, pending = 0, shown = 0;
  for (simdjson::dom::element a : alerts) {
    std::string_view state = get_string(a, "state");
    if (state == "pending") ++pending;
    if (state != "firing") continue;
    ++firing;
  }
  for (simdjson::dom::element a : alerts) {
    if (get_string(a, "state") != "firing") continue;
    // A default element has no document: read it only when the lookup succeeded.
    simdjson::dom::element labels;
    std::string name = "?";
    std::string severity;
    if (a["labels"].get(labels) == simdjson::SUCCESS) {
      name = std::string(get_string(labels, "alertname", "?"));
      severity = std::string(get_string(labels, "severity"));
    }
    add_detail(s, name + (severity.empty() ? "" : " (" + severity + ")"), shown, firing);
  }
  if (firing == 0) {
    s.summary =
        "none firing" + (pending ? ", " + std::to_string(pending) + " pending" : std::string());
  } else {
    s.status = StepStatus::kWarn;
    s.summary = std::to_string(firing) + " firing" +
                (pending ? ", " + std::to_string(pending) + " pending" : std::string());
    s.hint =
        "each firing alert's runbook comes first; `caxtool query 'ALERTS{alertstate=\"firing\"}'`";
  }
  return s;
}

void check_series(http::Session& session, const ServerInfo& info, const DoctorOptions& options,
                  std::vector<Step>& steps) {
  TsdbStatusQuery q;
  q.limit = options.top;
  bool limit_sent = false;
  http::Params params = tsdb_status_params(info, q, limit_sent);
  ApiResult r = call(session, "/api/v1/status/tsdb", params);
  if (auto* e = std::get_if<ApiError>(&r)) {
    steps.push_back(fail_step("series", *e));
    return;
  }
  auto read = read_tsdb_status(*std::get<std::unique_ptr<Document>>(r), info, q, limit_sent);
  if (auto* e = std::get_if<ApiError>(&read)) {
    steps.push_back(fail_step("series", *e));
    return;
  }
  const TsdbReport& report = std::get<TsdbReport>(read);
  uint64_t total = 0;
  std::vector<Stat> top;
  for (const TsdbStatus& t : report.tenants) {
    total += t.head ? t.head->num_series : t.total_series.value_or(0);
    top.insert(top.end(), t.series_by_metric.begin(), t.series_by_metric.end());
  }
  std::stable_sort(top.begin(), top.end(),
                   [](const Stat& a, const Stat& b) { return a.value > b.value; });
  if (top.size() > options.top) top.resize(options.top);
  Step s{"series", StepStatus::kOk, "", {}, {}};
  std::string scope =
      report.engine == http::Engine::kVictoriaMetrics ? "series today" : "head series";
  s.summary = std::to_string(total) + " " + scope + " (budget " +
              std::to_string(options.max_series) + ", " + pct(total, options.max_series) + ")";
  if (total > options.max_series) {
    s.status = StepStatus::kFail;
    s.hint =
        "find the labels that multiply series with `caxtool tsdb status` and drop them in "
        "metric_relabel_configs";
  } else if (total * 10 > options.max_series * 8) {
    s.status = StepStatus::kWarn;
    s.hint = "within 20% of the budget (--max-series)";
  }
  steps.push_back(std::move(s));

  Step c{"cardinality", StepStatus::kOk, "", {}, {}};
  if (top.empty()) {
    c.summary = "no metrics yet";
  } else {
    c.summary = "largest: " + top.front().name + " with " + std::to_string(top.front().value) +
                " series (" + pct(top.front().value, total) + " of all)";
    for (const Stat& st : top) c.details.push_back(st.name + " " + std::to_string(st.value));
    // One metric holding a fifth of the whole budget is the guide's cardinality smell.
    if (top.front().value * 5 > options.max_series) {
      c.status = StepStatus::kWarn;
      c.hint = "one metric holds over 20% of the series budget: look for an unbounded label on it";
    }
  }
  steps.push_back(std::move(c));
}

}  // namespace

std::string_view step_status_name(StepStatus s) {
  switch (s) {
    case StepStatus::kOk:
      return "ok";
    case StepStatus::kWarn:
      return "warn";
    case StepStatus::kFail:
      return "fail";
    case StepStatus::kSkip:
      return "skip";
  }
  return "skip";
}

bool DoctorReport::failed() const {
  return std::any_of(steps.begin(), steps.end(),
                     [](const Step& s) { return s.status == StepStatus::kFail; });
}

DoctorReport run_doctor(http::Session& session, const DoctorOptions& options) {
  DoctorReport report;
  std::string where = http::redact_url(session.root());
  bool answered = false;
  report.steps.push_back(
      check_plain(session, "reachable", "/-/healthy", "the server answers at " + where, &answered));
  // Only when nothing answers are the other steps pointless; a 401 still lets them say more.
  if (!answered) {
    for (std::string_view name :
         {"ready", "config", "targets", "collector", "rules", "alerts", "series", "cardinality"}) {
      report.steps.push_back(
          {std::string(name), StepStatus::kSkip, "the server is not reachable", {}, {}});
    }
    return report;
  }
  ServerInfo info;
  if (auto detected = detect_server(session); auto* i = std::get_if<ServerInfo>(&detected)) {
    info = std::move(*i);
  }
  report.engine = std::string(http::engine_name(info.engine));
  report.version = info.version;
  if (!info.version.empty())
    report.steps.back().summary += " (" + report.engine + " " + info.version + ")";
  report.steps.push_back(check_plain(session, "ready", "/-/ready", "ready to serve queries"));
  report.steps.push_back(check_config(session));
  check_targets(session, options, report.steps);
  report.steps.push_back(check_rules(session));
  report.steps.push_back(check_alerts(session));
  check_series(session, info, options, report.steps);
  return report;
}

}  // namespace caxtool::promapi
