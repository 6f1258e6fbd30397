// SPDX-License-Identifier: Apache-2.0
// Everything templates/stack/ needs that is not a plain value: targets expanded from port ranges,
// the Prometheus version switch, names of recording rules, strings escaped for the tools that
// expand `$` themselves, and the fixtures of the generated rule unit tests. The tests must pass
// for any valid threshold, so their input series are derived from the thresholds here, and the
// annotations they expect are formatted the way Prometheus' Go templates format them.
#include "generate/context.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "generate/template.h"
#include "util/duration.h"

namespace caxtool::generate {
namespace {

using nlohmann::json;

// The fixed labels of the unit-test input series. Tests are synthetic, so these need no escaping.
constexpr std::string_view kOrchestratorInstance = "orchestrator:9090";
constexpr std::string_view kAgentInstance = "agent-1:9091";
constexpr std::string_view kAgentType = "planner";
constexpr std::string_view kQuietAgentInstance = "agent-2:9092";
constexpr std::string_view kQuietAgentType = "worker";

// --- Reading values defensively: a missing key or a wrong type falls back to the default. ---

const json* find(const json& root, std::string_view path) {
  const json* cur = &root;
  while (!path.empty()) {
    size_t dot = path.find('.');
    std::string key(path.substr(0, dot));
    path = dot == std::string_view::npos ? std::string_view() : path.substr(dot + 1);
    if (!cur->is_object()) return nullptr;
    auto it = cur->find(key);
    if (it == cur->end()) return nullptr;
    cur = &*it;
  }
  return cur;
}

std::string get_string(const json& v, std::string_view path, std::string_view fallback) {
  const json* p = find(v, path);
  return p != nullptr && p->is_string() ? p->get<std::string>() : std::string(fallback);
}

double get_number(const json& v, std::string_view path, double fallback) {
  const json* p = find(v, path);
  return p != nullptr && p->is_number() ? p->get<double>() : fallback;
}

int64_t get_int(const json& v, std::string_view path, int64_t fallback) {
  const json* p = find(v, path);
  if (p == nullptr || !p->is_number()) return fallback;
  if (!p->is_number_float()) return p->get<int64_t>();
  double d = p->get<double>();
  return std::isfinite(d) && std::fabs(d) < 9e15 ? static_cast<int64_t>(d) : fallback;
}

bool get_bool(const json& v, std::string_view path, bool fallback) {
  const json* p = find(v, path);
  return p != nullptr && p->is_boolean() ? p->get<bool>() : fallback;
}

int64_t get_duration_ms(const json& v, std::string_view path, std::string_view fallback) {
  auto ms = util::parse_duration_ms(get_string(v, path, fallback));
  if (!ms) ms = util::parse_duration_ms(fallback);
  return ms.value_or(0);
}

// --- Small formatters. ---

// Prometheus' own duration format (model.Duration.String): largest units first.
std::string format_duration(int64_t ms) {
  if (ms <= 0) return "0s";
  struct Unit {
    int64_t ms;
    const char* name;
  };
  static constexpr Unit kUnits[] = {{365LL * 24 * 3600 * 1000, "y"},
                                    {7LL * 24 * 3600 * 1000, "w"},
                                    {24LL * 3600 * 1000, "d"},
                                    {3600LL * 1000, "h"},
                                    {60LL * 1000, "m"},
                                    {1000, "s"},
                                    {1, "ms"}};
  std::string out;
  for (const Unit& u : kUnits) {
    if (ms < u.ms) continue;
    out += std::to_string(ms / u.ms) + u.name;
    ms %= u.ms;
  }
  return out;
}

// host:port, with an IPv6 literal in brackets.
std::string host_port(std::string host, int64_t port) {
  if (host.find(':') != std::string::npos && host.front() != '[') host = "[" + host + "]";
  return host + ":" + std::to_string(port);
}

// The collector (confmap) and Grafana's provisioning expand `${...}` in every value and turn `$$`
// into `$`, so a literal `$` must be doubled to survive.
std::string escape_dollars(std::string_view s) {
  std::string out;
  for (char c : s) {
    out += c;
    if (c == '$') out += '$';
  }
  return out;
}

bool version_at_least(std::string_view version, int64_t major, int64_t minor) {
  int64_t have_major = 0;
  int64_t have_minor = 0;
  size_t dot = version.find('.');
  if (dot == std::string_view::npos) return false;
  auto r1 = std::from_chars(version.data(), version.data() + dot, have_major);
  auto r2 = std::from_chars(version.data() + dot + 1, version.data() + version.size(), have_minor);
  if (r1.ec != std::errc() || r2.ec != std::errc()) return false;
  return have_major > major || (have_major == major && have_minor >= minor);
}

// --- Go's template functions, as Prometheus defines them (template/template.go), with their
// precision of 4 significant digits ("%.4g"; Go's and C's agree for finite numbers, which are all
// these ever see). The thresholds printed into annotations use 6, so 0.999999 does not read as
// 100%. ---

constexpr int kGoPrecision = 4;
constexpr int kThresholdPrecision = 6;

std::string go_g(double v, int precision) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*g", precision, v);
  return buf;
}

std::string humanize(double v, int precision = kGoPrecision) {
  if (v == 0 || !std::isfinite(v)) return go_g(v, precision);
  std::string prefix;
  if (std::fabs(v) >= 1) {
    for (const char* p : {"k", "M", "G", "T", "P", "E", "Z", "Y"}) {
      if (std::fabs(v) < 1000) break;
      prefix = p;
      v /= 1000;
    }
    return go_g(v, precision) + prefix;
  }
  for (const char* p : {"m", "u", "n", "p", "f", "a", "z", "y"}) {
    if (std::fabs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return go_g(v, precision) + prefix;
}

std::string humanize1024(double v, int precision = kGoPrecision) {
  if (std::fabs(v) <= 1 || !std::isfinite(v)) return go_g(v, precision);
  std::string prefix;
  for (const char* p : {"ki", "Mi", "Gi", "Ti", "Pi", "Ei", "Zi", "Yi"}) {
    if (std::fabs(v) < 1024) break;
    prefix = p;
    v /= 1024;
  }
  return go_g(v, precision) + prefix;
}

std::string humanize_duration(double v, int precision = kGoPrecision) {
  if (!std::isfinite(v)) return go_g(v, precision);
  if (v == 0) return go_g(v, precision) + "s";
  if (std::fabs(v) >= 1) {
    std::string sign = v < 0 ? "-" : "";
    v = std::fabs(v);
    auto whole = static_cast<int64_t>(v);
    int64_t seconds = whole % 60;
    int64_t minutes = whole / 60 % 60;
    int64_t hours = whole / 3600 % 24;
    int64_t days = whole / 86400;
    auto s = [](int64_t n) { return std::to_string(n); };
    if (days != 0)
      return sign + s(days) + "d " + s(hours) + "h " + s(minutes) + "m " + s(seconds) + "s";
    if (hours != 0) return sign + s(hours) + "h " + s(minutes) + "m " + s(seconds) + "s";
    if (minutes != 0) return sign + s(minutes) + "m " + s(seconds) + "s";
    return sign + go_g(v, precision) + "s";
  }
  std::string prefix;
  for (const char* p : {"m", "u", "n", "p", "f", "a", "z", "y"}) {
    if (std::fabs(v) >= 1) break;
    prefix = p;
    v *= 1000;
  }
  return go_g(v, precision) + prefix + "s";
}

std::string humanize_percentage(double v, int precision = kGoPrecision) {
  return go_g(v * 100, precision) + "%";
}

// --- Fixture numbers. Firing and quiet inputs sit a factor 1.5 or more from the threshold, and
// are "round" (2 or 5 times a power of ten) where Prometheus computes the value the test shows:
// a rate or ratio off by a few ulps then still prints like the round number. ---

double decimal(char mantissa, int exponent) {
  std::string s = std::string(1, mantissa) + "e" + std::to_string(exponent);
  double v = 0;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  return r.ec == std::errc() ? v : 0;
}

double round_at_least(double x) {
  if (!(x > 0) || !std::isfinite(x)) return x;  // thresholds are positive; be defensive
  int k = static_cast<int>(std::floor(std::log10(x))) - 1;
  for (int step = 0; step < 4; ++step, ++k) {
    for (char m : {'2', '5'}) {
      double c = decimal(m, k);
      if (c >= x) return c;
    }
  }
  return x;
}

double round_at_most(double x) {
  if (!(x > 0) || !std::isfinite(x)) return x;  // thresholds are positive; be defensive
  int k = static_cast<int>(std::floor(std::log10(x))) + 1;
  for (int step = 0; step < 4; ++step, --k) {
    for (char m : {'5', '2'}) {
      double c = decimal(m, k);
      if (c > 0 && c <= x) return c;
    }
  }
  return x;
}

// The test series' sample spacing: the largest of a few that puts four samples in a rate window.
int64_t sample_interval_ms(int64_t window_ms) {
  for (int64_t c : {60000, 30000, 15000, 10000, 5000, 1000, 500, 250, 100, 10}) {
    if (4 * c <= window_ms) return c;
  }
  return 1;
}

// An evaluation time at which an alert has been true for its whole `for`, after a full rate
// window of input; a whole number of minutes, the tests' evaluation interval.
int64_t eval_time_ms(int64_t window_ms, int64_t for_ms) {
  int64_t t = window_ms + for_ms + 2 * 60000;
  return (t + 59999) / 60000 * 60000;
}

// "p95", "p99.9": the quantile as a percentage, for text.
std::string quantile_text(double q) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "p%.10g", q * 100);
  return buf;
}

// "p95", "p99_9": the same, legal in a recording rule name.
std::string quantile_name(double q) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", q * 100);
  std::string out = "p";
  for (const char* c = buf; *c != '\0'; ++c) {
    if (*c >= '0' && *c <= '9') out += *c;
    if (*c == 'e') out += 'e';
    if (*c == '.' || *c == '-') out += '_';
  }
  return out;
}

// --- The parts of "derived". ---

json external_labels(const json& v, bool expands_dollars) {
  json list = json::array();
  auto add = [&](const std::string& name, const std::string& value) {
    list.push_back({{"name", name},
                    {"value", value},
                    {"configValue", expands_dollars ? escape_dollars(value) : value}});
  };
  add("service", get_string(v, "identity.service", "caxton"));
  add("environment", get_string(v, "identity.environment", "dev"));
  const json* extra = find(v, "identity.externalLabels");
  if (extra != nullptr && extra->is_object()) {
    for (const auto& [name, value] : extra->items()) {
      if (name == "service" || name == "environment" || !value.is_string()) continue;
      add(name, value.get<std::string>());
    }
  }
  return list;
}

json prometheus_part(const json& v) {
  std::string version = get_string(v, "prometheus.version", "2.42");
  json agents = json::array();
  std::string agent_host = get_string(v, "targets.agents.host", "caxton");
  int64_t from = get_int(v, "targets.agents.portFrom", 9091);
  int64_t to = std::min(get_int(v, "targets.agents.portTo", 9099), from + 999);
  for (int64_t port = from; port <= to; ++port) agents.push_back(host_port(agent_host, port));
  std::string collector = get_string(v, "collector.host", "otel-collector");
  return {
      {"retentionInConfig", version_at_least(version, 3, 8)},
      // Prometheus 3 expands $VAR in external label values; 2.x only behind a feature flag.
      {"externalLabels", external_labels(v, version_at_least(version, 3, 0))},
      {"orchestratorTarget", host_port(get_string(v, "targets.orchestrator.host", "caxton"),
                                       get_int(v, "targets.orchestrator.port", 9090))},
      {"agentTargets", agents},
      {"alertmanagerTarget", host_port(get_string(v, "alertmanager.host", "alertmanager"),
                                       get_int(v, "alertmanager.port", 9093))},
      {"collectorSelfTarget", host_port(collector, get_int(v, "collector.selfMetricsPort", 8888))},
      {"collectorExporterTarget",
       host_port(collector, get_int(v, "collector.prometheusExporterPort", 8889))},
  };
}

json rules_part(const json& v) {
  std::string window = get_string(v, "metrics.rateWindow", "5m");
  if (!util::parse_duration_ms(window)) window = "5m";
  double quantile = get_number(v, "alerts.highLatency.quantile", 0.95);
  std::string q = quantile_name(quantile);
  return {
      {"window", window},
      {"quantileName", q},
      {"quantileText", quantile_text(quantile)},
      {"messagesRate", "caxton:messages_processed:rate" + window},
      {"errorsRate", "caxton:errors:rate" + window},
      {"errorRatio", "caxton:errors:ratio_rate" + window},
      {"latencyQuantile", "caxton:message_latency_seconds:" + q + "_rate" + window},
  };
}

// Threshold texts for the annotations, in the format the annotation prints $value in.
json alerts_part(const json& v) {
  auto on = [&](std::string_view alert) {
    return get_bool(v, "alerts." + std::string(alert) + ".enabled", true);
  };
  return {
      // A group with no enabled alert is left out.
      {"criticalGroup", on("highErrorRate") || on("orchestratorDown") || on("highMemoryUsage")},
      {"performanceGroup", on("highLatency") || on("lowThroughput")},
      {"any", on("highErrorRate") || on("orchestratorDown") || on("highMemoryUsage") ||
                  on("highLatency") || on("lowThroughput")},
      {"highErrorRate",
       {{"thresholdText", humanize_percentage(get_number(v, "alerts.highErrorRate.threshold", 0.01),
                                              kThresholdPrecision)}}},
      {"highMemoryUsage",
       {{"thresholdText",
         humanize1024(get_number(v, "alerts.highMemoryUsage.thresholdBytes", 1073741824.0),
                      kThresholdPrecision) +
             "B"}}},
      {"highLatency",
       {{"thresholdText", humanize_duration(get_number(v, "alerts.highLatency.thresholdSeconds", 1),
                                            kThresholdPrecision)}}},
      {"lowThroughput",
       {{"thresholdText", humanize(get_number(v, "alerts.lowThroughput.thresholdPerSecond", 10),
                                   kThresholdPrecision) +
                              "/s"}}},
  };
}

// The numbers of the unit-test input series, and the alert labels and texts they must produce.
json tests_part(const json& v, const json& rules, const json& alerts) {
  int64_t window_ms = get_duration_ms(v, "metrics.rateWindow", "5m");
  int64_t step_ms = sample_interval_ms(window_ms);
  double step_s = static_cast<double>(step_ms) / 1000;
  auto eval = [&](std::string_view alert, std::string_view fallback) {
    std::string key = "alerts." + std::string(alert) + ".for";
    return eval_time_ms(window_ms, get_duration_ms(v, key, fallback));
  };
  int64_t eval_error = eval("highErrorRate", "5m");
  int64_t eval_down = eval("orchestratorDown", "1m");
  int64_t eval_memory = eval("highMemoryUsage", "10m");
  int64_t eval_latency = eval("highLatency", "5m");
  int64_t eval_throughput = eval("lowThroughput", "10m");
  int64_t eval_last = std::max({eval_error, eval_down, eval_memory, eval_latency, eval_throughput});

  double ratio = get_number(v, "alerts.highErrorRate.threshold", 0.01);
  double ratio_firing = std::min(1.0, round_at_least(ratio * 1.5));
  double ratio_quiet = round_at_most(ratio / 1.5);
  double throughput = get_number(v, "alerts.lowThroughput.thresholdPerSecond", 10);
  double rate_low = round_at_most(throughput / 1.5);
  double rate_high = round_at_least(throughput * 1.5);
  double memory = get_number(v, "alerts.highMemoryUsage.thresholdBytes", 1073741824.0);
  double latency = get_number(v, "alerts.highLatency.thresholdSeconds", 1);

  // The agent label is a label of its own unless it names one the series or alert already has;
  // the annotation prints what $labels holds for it.
  std::string agent_label = get_string(v, "metrics.agentLabel", "agent_type");
  bool separate = agent_label != "job" && agent_label != "instance" && agent_label != "alertname" &&
                  agent_label != "severity" && agent_label.rfind("__", 0) != 0;
  std::string agent(kAgentInstance);
  std::string agent_label_value = separate                    ? std::string(kAgentType)
                                  : agent_label == "job"      ? "caxton-agents"
                                  : agent_label == "instance" ? agent
                                                              : "";

  std::string service = get_string(v, "identity.service", "caxton");
  std::string over = " over the last " + rules["window"].get<std::string>();
  auto threshold = [&](std::string_view alert) {
    return " (threshold " + alerts[std::string(alert)]["thresholdText"].get<std::string>() + ").";
  };

  json tests = {
      {"interval", format_duration(step_ms)},
      {"steps", (eval_last + step_ms - 1) / step_ms + 1},
      {"lastEvalTime", format_duration(eval_last)},
      {"orchestratorInstance", std::string(kOrchestratorInstance)},
      {"agentInstance", agent},
      {"agentType", std::string(kAgentType)},
      {"quietAgentInstance", std::string(kQuietAgentInstance)},
      {"quietAgentType", std::string(kQuietAgentType)},
      {"separateAgentLabel", separate},
      // The idle test group checks only these three alerts.
      {"idleGroup", get_bool(v, "alerts.orchestratorDown.enabled", true) ||
                        get_bool(v, "alerts.lowThroughput.enabled", true) ||
                        get_bool(v, "alerts.highErrorRate.enabled", true)},
      {"infIncrement", format_number(step_s)},
      {"healthy",
       {{"messagesIncrement", format_number(rate_high * step_s)},
        {"errorsIncrement", format_number(ratio_quiet * rate_high * step_s)},
        {"latencyLe", format_number(latency / 2)},
        {"memory", format_number(memory / 2)}}},
      {"failing",
       {{"messagesIncrement", format_number(rate_low * step_s)},
        {"errorsIncrement", format_number(ratio_firing * rate_low * step_s)},
        {"latencyLe", format_number(latency * 2)},
        {"memory", format_number(memory * 2)}}},
  };
  tests["highErrorRate"] = {
      {"evalTime", format_duration(eval_error)},
      {"summary", service + ": high message error ratio"},
      {"description", humanize_percentage(ratio_firing) + " of messages failed" + over +
                          threshold("highErrorRate")},
  };
  tests["orchestratorDown"] = {
      {"evalTime", format_duration(eval_down)},
      {"summary", service + ": orchestrator is down"},
      {"descriptionDown", "Prometheus cannot scrape " + std::string(kOrchestratorInstance) +
                              " for job caxton-orchestrator."},
      {"descriptionAbsent", "Prometheus has no target for job caxton-orchestrator."},
  };
  tests["highMemoryUsage"] = {
      {"evalTime", format_duration(eval_memory)},
      {"summary", service + ": agent " + agent + " uses too much memory"},
      {"description", "Agent " + agent + " (" + agent_label_value + ") uses " +
                          humanize1024(memory * 2) + "B of memory" + threshold("highMemoryUsage")},
  };
  tests["highLatency"] = {
      {"evalTime", format_duration(eval_latency)},
      {"summary", service + ": high message latency"},
      {"description", rules["quantileText"].get<std::string>() + " message latency" + over +
                          " is " + humanize_duration(latency * 2) + threshold("highLatency")},
  };
  tests["lowThroughput"] = {
      {"evalTime", format_duration(eval_throughput)},
      {"summary", service + ": low message throughput"},
      {"description", "Only " + humanize(rate_low) + " messages/s processed" + over +
                          " while agents are active" + threshold("lowThroughput")},
  };
  return tests;
}

json collector_part(const json& v) {
  std::string bind = get_string(v, "collector.bindHost", "0.0.0.0");
  auto endpoint = [&](std::string_view port_key, int64_t fallback) {
    return escape_dollars(host_port(bind, get_int(v, port_key, fallback)));
  };
  auto escaped = [&](std::string_view path, std::string_view fallback) {
    return escape_dollars(get_string(v, path, fallback));
  };
  return {
      {"needsContrib", get_bool(v, "backends.datadog.enabled", false) ||
                           get_bool(v, "backends.cloudwatch.enabled", false)},
      {"otlpGrpcEndpoint", endpoint("collector.otlpGrpcPort", 4317)},
      {"otlpHttpEndpoint", endpoint("collector.otlpHttpPort", 4318)},
      {"prometheusExporterEndpoint", endpoint("collector.prometheusExporterPort", 8889)},
      {"telemetryHost", escape_dollars(bind)},
      {"orchestratorTarget",
       escape_dollars(host_port(get_string(v, "targets.orchestrator.host", "caxton"),
                                get_int(v, "targets.orchestrator.port", 9090)))},
      {"metricsPath", escaped("targets.metricsPath", "/metrics")},
      {"serviceName", escaped("identity.service", "caxton")},
      {"serviceVersion", escaped("identity.version", "0.1.4")},
      {"tracesEndpoint", escaped("collector.traces.endpoint", "jaeger:4317")},
      {"datadogSite", escaped("backends.datadog.site", "datadoghq.com")},
      {"datadogHostname", escaped("backends.datadog.hostname", "caxton-orchestrator")},
      {"newrelicEndpoint", escaped("backends.newrelic.endpoint", "https://otlp.nr-data.net")},
      {"cloudwatchNamespace", escaped("backends.cloudwatch.namespace", "Caxton")},
      {"cloudwatchRegion", escaped("backends.cloudwatch.region", "us-west-2")},
      {"cloudwatchLogGroupName", escaped("backends.cloudwatch.logGroupName", "/metrics/caxton")},
  };
}

json grafana_part(const json& v) {
  std::string url = "http://" + host_port(get_string(v, "prometheus.host", "prometheus"),
                                          get_int(v, "prometheus.listenPort", 9090));
  return {
      {"prometheusUrl", escape_dollars(url)},
      {"datasourceName", escape_dollars(get_string(v, "grafana.datasourceName", "Prometheus"))},
      {"folder", escape_dollars(get_string(v, "grafana.folder", "Caxton"))},
      {"dashboardsPath", escape_dollars(get_string(v, "grafana.dashboardsPath",
                                                   "/var/lib/grafana/dashboards/caxton"))},
  };
}

}  // namespace

json build_context(const json& values) {
  json context = values.is_object() ? values : json::object();
  json rules = rules_part(values);
  json alerts = alerts_part(values);
  json tests = tests_part(values, rules, alerts);
  context["derived"] = {
      {"prometheus", prometheus_part(values)}, {"rules", std::move(rules)},
      {"alerts", std::move(alerts)},           {"tests", std::move(tests)},
      {"collector", collector_part(values)},   {"grafana", grafana_part(values)},
  };
  return context;
}

}  // namespace caxtool::generate
