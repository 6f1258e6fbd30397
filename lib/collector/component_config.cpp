// SPDX-License-Identifier: Apache-2.0
// The configs of the components most configs use, checked as their Validate() and factories
// check them when `otelcol validate` builds the pipelines: memory_limiter's required limits,
// the attributes and resource processors' actions (each needs a valid `action`), batch sizes,
// the OTLP receiver's protocols, the exporters' endpoints, debug verbosity; and every endpoint
// the collector listens on parsed as host:port, since a bad one fails only at start.
#include <algorithm>
#include <array>
#include <cctype>

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

std::string where(const Component& c) { return std::string(section_name(c.kind)) + "::" + c.id; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return out;
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

const yaml::Node* scalar(const yaml::Node& cfg, std::string_view key) {
  const yaml::Node* n = cfg.is_mapping() ? cfg.get(key) : nullptr;
  return n != nullptr && n->is_scalar() && !n->is_null() ? n : nullptr;
}

std::optional<double> number(const yaml::Node& cfg, std::string_view key) {
  const yaml::Node* n = scalar(cfg, key);
  if (n == nullptr || has_reference(n->value)) return std::nullopt;
  try {
    size_t used = 0;
    double v = std::stod(n->value, &used);
    if (used == n->value.size()) return v;
  } catch (...) {
  }
  return std::nullopt;
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

void check_memory_limiter(const Component& c, Reporter& r) {
  const yaml::Node& cfg = *c.value;
  std::string at = where(c) + ": ";
  const yaml::Node* interval = scalar(cfg, "check_interval");
  if (interval == nullptr) {
    r.error(*c.key, "collector/component-config", at + "'check_interval' must be greater than zero",
            "check_interval has no default; 1s is usual");
  } else if (!has_reference(interval->value)) {
    auto d = parse_go_duration(interval->value);
    if (!d) {
      r.error(*interval, "collector/component-config",
              at + "check_interval: invalid duration " + quote(interval->value));
    } else if (*d <= 0) {
      r.error(*interval, "collector/component-config",
              at + "'check_interval' must be greater than zero");
    }
  }
  auto mib = number(cfg, "limit_mib"), pct = number(cfg, "limit_percentage");
  bool referenced = (scalar(cfg, "limit_mib") && !mib) || (scalar(cfg, "limit_percentage") && !pct);
  if (!referenced && mib.value_or(0) <= 0 && pct.value_or(0) <= 0) {
    r.error(*c.key, "collector/component-config",
            at + "'limit_mib' or 'limit_percentage' must be greater than zero");
  }
  if (pct && *pct > 100) {
    r.error(*scalar(cfg, "limit_percentage"), "collector/component-config",
            at + "'limit_percentage' must not be above 100");
  }
  auto spike = number(cfg, "spike_limit_mib");
  if (mib && spike && *mib > 0 && *spike >= *mib) {
    r.error(*scalar(cfg, "spike_limit_mib"), "collector/component-config",
            at + "'spike_limit_mib' must be smaller than 'limit_mib'");
  }
}

// attraction.go: the engine of the attributes processor (actions:) and resource (attributes:).
void check_actions(const Component& c, std::string_view list_key, Reporter& r) {
  const yaml::Node* list = c.value->is_mapping() ? c.value->get(list_key) : nullptr;
  std::string at = where(c) + ": ";
  if (list == nullptr || list->is_null() || (list->is_sequence() && list->children.empty())) {
    r.error(*c.key, "collector/component-config",
            at + "error creating " + quote(c.type) + " processor due to missing required field " +
                quote(list_key));
    return;
  }
  if (!list->is_sequence()) {
    r.error(*list, "collector/shape", at + std::string(list_key) + " must be a list of actions");
    return;
  }
  static constexpr std::array<std::string_view, 7> kActions = {
      "insert", "update", "upsert", "delete", "hash", "extract", "convert"};
  for (size_t i = 0; i < list->children.size(); ++i) {
    const yaml::Node& a = list->children[i];
    std::string nth = std::to_string(i) + "-th actions";
    if (!a.is_mapping()) {
      r.error(a, "collector/shape", at + "each action must be a mapping");
      continue;
    }
    const yaml::Node* action = scalar(a, "action");
    std::string act = action ? lower(action->value) : "";
    if (action && has_reference(action->value)) continue;
    if (std::find(kActions.begin(), kActions.end(), act) == kActions.end()) {
      r.error(
          action ? *action : a, "collector/component-config",
          at + "error creating AttrProc due to unsupported action " + quote(act) + " at the " + nth,
          action ? "action is one of insert, update, upsert, delete, hash, extract, convert"
                 : "every action needs `action:` (insert, update, upsert, delete, hash, "
                   "extract or convert)");
      continue;
    }
    bool has_pattern = scalar(a, "pattern") != nullptr;
    if (scalar(a, "key") == nullptr && !((act == "delete" || act == "hash") && has_pattern)) {
      r.error(a, "collector/component-config",
              at + "error creating AttrProc due to missing required field \"key\" at the " + nth);
      continue;
    }
    if (act == "insert" || act == "update" || act == "upsert") {
      int sources = (a.get("value") != nullptr) + (scalar(a, "from_attribute") != nullptr) +
                    (scalar(a, "from_context") != nullptr);
      if (sources == 0) {
        r.error(a, "collector/component-config",
                at +
                    "error creating AttrProc. Either field \"value\", \"from_attribute\" or "
                    "\"from_context\" setting must be specified for " +
                    nth);
      } else if (sources > 1) {
        r.error(
            a, "collector/component-config",
            at + "error creating AttrProc due to multiple value sources being set at the " + nth);
      }
    } else if (act == "extract" && !has_pattern) {
      r.error(a, "collector/component-config",
              at +
                  "error creating AttrProc due to missing required field \"pattern\" for action "
                  "\"extract\" at the " +
                  nth);
    } else if (act == "convert") {
      const yaml::Node* t = scalar(a, "converted_type");
      std::string type = t ? lower(t->value) : "";
      if (type != "string" && type != "int" && type != "double") {
        r.error(t ? *t : a, "collector/component-config",
                at + "error creating AttrProc due to invalid converted_type " + quote(type) +
                    " at the " + nth,
                "converted_type is string, int or double");
      }
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
        if (c.type == "memory_limiter") check_memory_limiter(c, r);
        if (c.type == "attributes") check_actions(c, "actions", r);
        if (c.type == "resource") check_actions(c, "attributes", r);
        if (c.type == "batch") {
          auto size = number(*c.value, "send_batch_size"),
               max = number(*c.value, "send_batch_max_size");
          if (max && *max > 0 && *max < size.value_or(8192)) {
            r.error(*scalar(*c.value, "send_batch_max_size"), "collector/component-config",
                    where(c) + ": send_batch_max_size must be greater or equal to send_batch_size");
          }
        }
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
