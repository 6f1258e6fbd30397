// SPDX-License-Identifier: Apache-2.0
// The configs of the components most configs use, checked as their Validate() and factories
// check them when `otelcol validate` builds the pipelines: unknown keys of small configs, the
// OTLP receiver's protocols, the exporters' endpoints and timeouts, debug verbosity (processors
// are in processor_config.cpp); and every endpoint the collector listens on parsed as
// host:port, since a bad one fails only at start.
#include <algorithm>
#include <array>
#include <cctype>

#include "collector/config_util.h"
#include "collector/model.h"
#include "collector/values.h"
#include "util/strings.h"

namespace caxtool::collector {
namespace {

constexpr std::array<std::string_view, 26> kListeningReceivers = {
    "awsfirehose", "awsxray",   "carbon",     "collectd",
    "datadog",     "envoyals",  "faro",       "fluentforward",
    "influxdb",    "jaeger",    "libhoney",   "loki",
    "opencensus",  "otelarrow", "otlp",       "prometheusremotewrite",
    "sapm",        "signalfx",  "skywalking", "splunk_hec",
    "statsd",      "stef",      "wavefront",  "webhookevent",
    "zipkin",      "tcplog"};
constexpr std::array<std::string_view, 3> kListeningExtensions = {"health_check", "pprof",
                                                                  "zpages"};

bool listens(const Component& c) {
  auto in = [&](auto& list) { return std::find(list.begin(), list.end(), c.type) != list.end(); };
  return (c.kind == Kind::kReceiver && in(kListeningReceivers)) ||
         (c.kind == Kind::kExtension && in(kListeningExtensions)) ||
         (c.kind == Kind::kExporter && c.type == "prometheus");
}

// Calls f(value, parent) for every scalar under a key named `endpoint`.
template <typename F>
void each_endpoint(const yaml::Node& n, F&& f) {
  if (n.is_mapping()) {
    for (size_t i = 0; i < n.entry_count(); ++i) {
      if (n.key(i).value == "endpoint" && n.val(i).is_scalar() && !n.val(i).is_null()) {
        f(n.val(i), n);
      } else {
        each_endpoint(n.val(i), f);
      }
    }
  } else if (n.is_sequence()) {
    for (const yaml::Node& c : n.children) each_endpoint(c, f);
  }
}

bool is_unix(const yaml::Node& parent) {
  const yaml::Node* t = parent.get("transport");
  return t != nullptr && t->is_scalar() && t->value.starts_with("unix");
}

// The full key sets of components whose config struct is small and stable; otelcol rejects any
// other key (mapstructure's ErrorUnused: "'' has invalid keys: ...").
struct KnownKeys {
  Kind kind;
  std::string_view type;
  std::initializer_list<std::string_view> keys;
};
const KnownKeys kKnownKeys[] = {
    {Kind::kProcessor,
     "memory_limiter",
     {"check_interval", "limit_mib", "spike_limit_mib", "limit_percentage",
      "spike_limit_percentage", "min_gc_interval_when_soft_limited",
      "min_gc_interval_when_hard_limited"}},
    {Kind::kProcessor,
     "batch",
     {"timeout", "send_batch_size", "send_batch_max_size", "metadata_keys",
      "metadata_cardinality_limit"}},
    {Kind::kProcessor, "resource", {"attributes"}},
    {Kind::kProcessor, "attributes", {"actions", "include", "exclude"}},
    {Kind::kReceiver, "otlp", {"protocols"}},
};

void check_known_keys(const Component& c, Reporter& r) {
  if (!c.value->is_mapping()) return;
  for (const KnownKeys& k : kKnownKeys) {
    if (k.kind != c.kind || k.type != c.type) continue;
    std::vector<std::string_view> known(k.keys);
    for (size_t i = 0; i < c.value->entry_count(); ++i) {
      std::string_view key = c.value->key(i).value;
      if (std::find(known.begin(), known.end(), key) != known.end()) continue;
      std::string guess = util::closest_match(key, known);
      r.error(c.value->key(i), "collector/unknown-key",
              where(c) + ": '' has invalid keys: " + std::string(key),
              guess.empty() ? "" : "did you mean " + quote(guess) + "?");
    }
  }
}

void check_exporter(const Component& c, Reporter& r) {
  const yaml::Node& cfg = *c.value;
  std::string at = where(c) + ": ";
  if (c.type == "otlp" || c.type == "otlp_grpc") {
    const yaml::Node* e = scalar(cfg, "endpoint");
    if (e == nullptr || e->value.empty()) {
      r.error(*c.key, "collector/component-config", at + "requires a non-empty \"endpoint\"",
              "the OTLP gRPC receiver's host:port, e.g. jaeger:4317");
    }
  } else if (c.type == "otlphttp" || c.type == "otlp_http") {
    bool any = false;
    for (std::string_view k : {"endpoint", "traces_endpoint", "metrics_endpoint", "logs_endpoint",
                               "profiles_endpoint"}) {
      const yaml::Node* e = scalar(cfg, k);
      if (e == nullptr) continue;
      any = true;
      std::string err;
      if (!has_reference(e->value) && !parse_url(e->value, err)) {
        r.error(*e, "collector/endpoint", at + std::string(k) + ": " + quote(e->value) + ": " + err,
                "an OTLP/HTTP endpoint is a URL such as https://otlp.example.com:4318");
      }
    }
    if (!any)
      r.error(*c.key, "collector/component-config", at + "at least one endpoint must be specified");
    const yaml::Node* enc = scalar(cfg, "encoding");
    if (enc && enc->value != "proto" && enc->value != "json" && !has_reference(enc->value)) {
      r.error(*enc, "collector/component-config", at + "invalid encoding type: " + enc->value);
    }
  } else if (c.type == "debug") {
    const yaml::Node* v = scalar(cfg, "verbosity");
    if (v && v->value != "basic" && v->value != "normal" && v->value != "detailed" &&
        !has_reference(v->value)) {
      r.error(*v, "collector/component-config",
              at + "verbosity level " + quote(v->value) + " is not supported",
              "basic, normal or detailed");
    }
    if (cfg.is_mapping() && cfg.get("loglevel") != nullptr) {
      r.error(*cfg.get("loglevel"), "collector/unknown-key",
              at + "unknown key \"loglevel\" (the logging exporter's)", "use verbosity: detailed");
    }
  } else if (c.type == "prometheus") {
    if (scalar(cfg, "endpoint") == nullptr) {
      r.error(*c.key, "collector/component-config",
              at + "requires an \"endpoint\" to serve metrics on", "e.g. 0.0.0.0:8889");
    }
  }
}

// exporterhelper's TimeoutConfig: a duration, not negative ('timeout' must be non-negative).
void check_timeout(const Component& c, Reporter& r) {
  const yaml::Node* t = scalar(*c.value, "timeout");
  if (t == nullptr || has_reference(t->value)) return;
  auto d = parse_go_duration(t->value);
  bool integer = !t->is_quoted() && !t->value.empty() &&
                 t->value.find_first_not_of("-0123456789") == std::string::npos;
  if (!d && !integer) {
    r.error(*t, "collector/component-config",
            where(c) + ": timeout: invalid duration " + quote(t->value), "e.g. 5s or 500ms");
  } else if (t->value.starts_with("-") && t->value != "-0") {
    r.error(*t, "collector/component-config", where(c) + ": 'timeout' must be non-negative");
  }
}

void check_otlp_receiver(const Component& c, Reporter& r) {
  const yaml::Node* protocols = c.value->is_mapping() ? c.value->get("protocols") : nullptr;
  if (protocols == nullptr || !protocols->is_mapping() ||
      (protocols->get("grpc") == nullptr && protocols->get("http") == nullptr)) {
    r.error(protocols ? *protocols : *c.key, "collector/component-config",
            where(c) + ": must specify at least one protocol when using the OTLP receiver",
            "protocols: {grpc: {endpoint: 0.0.0.0:4317}, http: {endpoint: 0.0.0.0:4318}}");
    return;
  }
  for (size_t i = 0; i < protocols->entry_count(); ++i) {
    std::string_view k = protocols->key(i).value;
    if (k != "grpc" && k != "http") {
      r.error(protocols->key(i), "collector/unknown-key",
              where(c) + "::protocols: unknown protocol " + quote(k), "grpc or http");
    }
  }
}

void check_endpoints(const Component& c, Reporter& r) {
  bool server = listens(c);
  each_endpoint(*c.value, [&](const yaml::Node& v, const yaml::Node& parent) {
    if (has_reference(v.value) || is_unix(parent)) return;
    std::string err, err2;
    if (server) {
      if (!parse_host_port(v.value, err)) {
        r.error(v, "collector/endpoint", where(c) + ": endpoint " + quote(v.value) + ": " + err,
                "a listen address is host:port, e.g. 0.0.0.0:4317");
      }
    } else if (c.type != "otlphttp" && c.type != "otlp_http" && !parse_host_port(v.value, err) &&
               !parse_url(v.value, err2)) {
      r.error(v, "collector/endpoint",
              where(c) + ": endpoint " + quote(v.value) + " is neither host:port nor a URL");
    }
  });
}

}  // namespace

void check_component_configs(const Model& m, const CheckOptions&, Reporter& r) {
  for (const Component& c : m.components) {
    if (!c.valid || !(c.value->is_mapping() || c.value->is_null())) continue;
    check_known_keys(c, r);
    switch (c.kind) {
      case Kind::kProcessor:
        check_processor_config(c, r);
        break;
      case Kind::kReceiver:
        if (c.type == "otlp") check_otlp_receiver(c, r);
        break;
      case Kind::kExporter:
        check_exporter(c, r);
        check_timeout(c, r);
        break;
      default:
        break;
    }
    check_endpoints(c, r);
  }
}

std::vector<Listener> collect_listeners(const Model& m) {
  std::vector<Listener> out;
  for (const Component& c : m.components) {
    if (!c.valid || !listens(c)) continue;
    each_endpoint(*c.value, [&](const yaml::Node& v, const yaml::Node& parent) {
      std::string err;
      if (has_reference(v.value) || is_unix(parent)) return;
      if (auto hp = parse_host_port(v.value, err)) {
        out.push_back({&v, hp->host, hp->port, where(c)});
      }
    });
  }
  telemetry_listeners(m, out);
  return out;
}

}  // namespace caxtool::collector