// SPDX-License-Identifier: Apache-2.0
// service::telemetry, the collector's own logs, metrics and traces: its keys are checked as
// otelcol's telemetry config unmarshals them, and the self-metrics address is where configs
// drift most (`address` deprecated in v0.111.0, removed in v0.128.0; readers on localhost by
// default, out of reach of a Prometheus in another container).
#include <array>

#include "collector/lint.h"
#include "collector/model.h"
#include "collector/values.h"

namespace caxtool::collector {
namespace {

constexpr Version kAddressDeprecated{0, 111};
constexpr Version kAddressRemoved{0, 128};

void unknown_keys(const yaml::Node& n, std::string_view where,
                  std::initializer_list<std::string_view> known, Reporter& r) {
  if (!n.is_mapping()) return;
  for (size_t i = 0; i < n.entry_count(); ++i) {
    std::string_view k = n.key(i).value;
    if (std::find(known.begin(), known.end(), k) == known.end()) {
      r.error(n.key(i), "collector/unknown-key", std::string(where) + ": unknown key " + quote(k));
    }
  }
}

// readers[].pull.exporter.prometheus{host, port}.
const yaml::Node* pull_prometheus(const yaml::Node& reader) {
  const yaml::Node* pull = reader.is_mapping() ? reader.get("pull") : nullptr;
  const yaml::Node* exp = pull && pull->is_mapping() ? pull->get("exporter") : nullptr;
  const yaml::Node* prom = exp && exp->is_mapping() ? exp->get("prometheus") : nullptr;
  return prom && prom->is_mapping() ? prom : nullptr;
}

const yaml::Node* metrics_node(const Model& m) {
  if (m.telemetry == nullptr || !m.telemetry->is_mapping()) return nullptr;
  const yaml::Node* metrics = m.telemetry->get("metrics");
  return metrics && metrics->is_mapping() ? metrics : nullptr;
}

}  // namespace

void check_telemetry(const Model& m, const CheckOptions& options, Reporter& r) {
  if (m.telemetry == nullptr || m.telemetry->is_null()) return;
  if (!m.telemetry->is_mapping()) {
    r.error(*m.telemetry, "collector/shape", "service::telemetry must be a mapping");
    return;
  }
  unknown_keys(*m.telemetry, "service::telemetry", {"logs", "metrics", "traces", "resource"}, r);
  const yaml::Node* metrics = metrics_node(m);
  if (metrics == nullptr) return;
  std::string_view level = "normal";
  if (const yaml::Node* l = metrics->get("level"); l && l->is_scalar()) {
    level = l->value;
    if (level != "none" && level != "basic" && level != "normal" && level != "detailed" &&
        !has_reference(level)) {
      r.error(*l, "collector/telemetry",
              "service::telemetry::metrics::level: unknown level " + quote(level),
              "none, basic, normal or detailed");
    }
  }
  if (const yaml::Node* v = metrics->get("views"); v && !v->is_null() && level != "detailed") {
    r.error(*v, "collector/telemetry",
            "service::telemetry::metrics::views can only be set when "
            "service::telemetry::metrics::level is detailed");
  }
  for (size_t i = 0; i < metrics->entry_count(); ++i) {
    const yaml::Node& k = metrics->key(i);
    if (k.value != "address") continue;
    if (options.version >= kAddressRemoved) {
      r.error(
          k, "collector/telemetry",
          "service::telemetry::metrics: address was removed in " + version_string(kAddressRemoved),
          "use readers: [{pull: {exporter: {prometheus: {host: 0.0.0.0, port: 8888}}}}]");
    } else if (options.version >= kAddressDeprecated) {
      r.lint(options, k, kLintSelfMetrics,
             "service::telemetry::metrics::address is deprecated since " +
                 version_string(kAddressDeprecated) + " and removed in " +
                 version_string(kAddressRemoved),
             "use readers: [{pull: {exporter: {prometheus: {host: 0.0.0.0, port: 8888}}}}]");
    }
  }
  const yaml::Node* readers = metrics->get("readers");
  if (readers == nullptr || !readers->is_sequence()) return;
  for (const yaml::Node& reader : readers->children) {
    const yaml::Node* prom = pull_prometheus(reader);
    if (prom == nullptr) continue;
    const yaml::Node* host = prom->get("host");
    if (host && host->is_scalar() && is_loopback(host->value)) {
      r.lint(options, *host, kLintSelfMetricsLocal,
             "the collector's own metrics are served on " + host->value +
                 " only: a Prometheus in another container or host cannot scrape them",
             "set host: 0.0.0.0 (or the pod IP) when Prometheus scrapes the collector remotely");
    }
    const yaml::Node* port = prom->get("port");
    if (port && port->is_scalar() && !has_reference(port->value)) {
      std::string err;
      if (!parse_host_port(":" + port->value, err)) {
        r.error(*port, "collector/endpoint",
                "service::telemetry::metrics::readers: port " + quote(port->value) + ": " + err);
      }
    }
  }
}

void telemetry_listeners(const Model& m, std::vector<Listener>& out) {
  const yaml::Node* metrics = metrics_node(m);
  if (metrics == nullptr) return;
  std::string err;
  if (const yaml::Node* a = metrics->get("address"); a && a->is_scalar()) {
    if (auto hp = parse_host_port(a->value, err)) {
      out.push_back({a, hp->host, hp->port, "service::telemetry::metrics::address"});
    }
  }
  const yaml::Node* readers = metrics->get("readers");
  if (readers == nullptr || !readers->is_sequence()) return;
  for (const yaml::Node& reader : readers->children) {
    const yaml::Node* prom = pull_prometheus(reader);
    const yaml::Node* port = prom ? prom->get("port") : nullptr;
    if (port == nullptr || !port->is_scalar()) continue;
    const yaml::Node* host = prom->get("host");
    auto hp = parse_host_port(":" + port->value, err);
    if (!hp) continue;
    out.push_back({port, host && host->is_scalar() ? host->value : "", hp->port,
                   "service::telemetry::metrics::readers"});
  }
}

}  // namespace caxtool::collector
