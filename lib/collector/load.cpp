// SPDX-License-Identifier: Apache-2.0
// Reads the raw YAML into the Model and reports what otelcol's unmarshalling rejects: unknown
// top-level, service and pipeline keys, sections of the wrong shape, component and pipeline IDs
// that do not parse (component/identifiable.go, pipeline/pipeline.go), and component types the
// chosen distribution and version do not ship.
#include <algorithm>
#include <array>

#include "collector/lint.h"
#include "collector/model.h"
#include "util/strings.h"

namespace caxtool::collector {
namespace {

constexpr std::array<Kind, 5> kKinds = {Kind::kReceiver, Kind::kProcessor, Kind::kExporter,
                                        Kind::kConnector, Kind::kExtension};

std::string shape_message(std::string_view what, std::string_view want, const yaml::Node& n) {
  return std::string(what) + " must be " + std::string(want) + ", got a " +
         std::string(n.kind_name());
}

// A list of IDs: a sequence of strings (or null, for none).
std::vector<Ref> read_ids(const yaml::Node& n, std::string_view what, Reporter& r, bool& dynamic) {
  std::vector<Ref> out;
  if (n.is_null()) return out;
  if (is_reference(n)) {
    dynamic = true;
    return out;
  }
  if (!n.is_sequence()) {
    r.error(n, "collector/shape", shape_message(what, "a list of component IDs", n));
    return out;
  }
  for (const yaml::Node& item : n.children) {
    if (!item.is_scalar() || item.is_null()) {
      r.error(item, "collector/shape", shape_message(what, "a list of component IDs", item));
      continue;
    }
    out.push_back({std::string(trim(item.value)), &item});
  }
  return out;
}

void report_type(Component& c, const CheckOptions& options, Reporter& r) {
  std::string_view kind = kind_name(c.kind);
  const ComponentType* t = find_type(c.kind, c.type);
  c.info = t;
  if (t == nullptr) {
    auto names = current_type_names(c.kind, options.distribution);
    std::string guess = util::closest_match(c.type, names);
    r.error(*c.key, "collector/unknown-type",
            "unknown type: " + quote(c.type) + " for id: " + quote(c.id) + " (no " +
                std::string(kind) + " of that type in " +
                (options.distribution == Distribution::kCore ? "otelcol" : "otelcol-contrib") + ")",
            guess.empty() ? "" : "did you mean " + quote(guess) + "?");
    return;
  }
  if (t->is_removed_entry()) {
    std::string hint = t->replacement.empty() ? "" : "use " + std::string(t->replacement);
    if (t->removed == kNeverShipped) {
      r.error(*c.key, "collector/unknown-type",
              "there is no " + std::string(kind) + " of type " + quote(c.type), hint);
      return;
    }
    if (options.version >= t->removed) {
      if (c.type == "logging")
        hint = "removed in " + version_string(t->removed) + (hint.empty() ? "" : "; " + hint);
      std::string msg = c.kind == Kind::kExporter && c.type == "logging"
                            ? "the logging exporter has been deprecated, use the debug exporter "
                              "instead"
                            : "the " + c.type + " " + std::string(kind) + " was removed in " +
                                  version_string(t->removed);
      r.error(*c.key, "collector/removed-component", msg, hint);
      return;
    }
    r.lint(
        options, *c.key, kLintDeprecated,
        "the " + c.type + " " + std::string(kind) + " is removed in " + version_string(t->removed),
        hint);
  } else if (options.version < t->added) {
    r.error(*c.key, "collector/unknown-type",
            "unknown type: " + quote(c.type) + " for id: " + quote(c.id) + " (the " +
                std::string(kind) + " has that name from " + version_string(t->added) + " on)",
            "check with --collector-version of the collector you run");
    return;
  } else if (!t->renamed_to.empty() && options.version >= t->renamed_in()) {
    r.lint(options, *c.key, kLintRenamed,
           quote(c.type) + " alias is deprecated; use " + quote(t->renamed_to) + " instead",
           "the " + std::string(kind) + " was renamed in " + version_string(t->renamed_in()) +
               "; keep the old name while collectors older than that must read the config");
  }
  if (t->distribution == Distribution::kContrib && options.distribution == Distribution::kCore) {
    r.error(*c.key, "collector/not-in-distribution",
            "unknown type: " + quote(c.type) + " for id: " + quote(c.id) + " (the " +
                std::string(kind) + " is in otelcol-contrib, not otelcol)",
            "run otelcol-contrib, or check with --distribution contrib");
    return;
  }
  c.valid = true;
}

void load_section(const yaml::Node& sec, Kind kind, const CheckOptions& options, Reporter& r,
                  Model& m) {
  if (sec.is_null()) return;
  if (is_reference(sec)) {
    m.dynamic = true;
    return;
  }
  if (!sec.is_mapping()) {
    r.error(sec, "collector/shape",
            shape_message(section_name(kind), "a mapping of component IDs to configs", sec));
    return;
  }
  for (size_t i = 0; i < sec.entry_count(); ++i) {
    const yaml::Node& k = sec.key(i);
    Component c{kind, {}, {}, &k, &sec.val(i), nullptr, false};
    if (!k.is_scalar()) {
      r.error(k, "collector/invalid-id", "a component ID must be a string");
      continue;
    }
    ParsedId id = parse_component_id(k.value);
    if (!id.error.empty()) {
      r.error(k, "collector/invalid-id", std::string(section_name(kind)) + ": " + id.error);
      continue;
    }
    c.type = id.type;
    c.id = id.name.empty() ? id.type : id.type + "/" + id.name;
    report_type(c, options, r);
    if (!sec.val(i).is_null() && !sec.val(i).is_mapping() && !is_reference(sec.val(i))) {
      r.error(sec.val(i), "collector/shape",
              shape_message(std::string(section_name(kind)) + "::" + c.id, "a mapping (or empty)",
                            sec.val(i)));
    }
    m.components.push_back(std::move(c));
  }
}

void load_pipelines(const yaml::Node& n, Reporter& r, Model& m) {
  m.pipelines_node = &n;
  if (n.is_null()) return;
  if (is_reference(n)) {
    m.dynamic = true;
    return;
  }
  if (!n.is_mapping()) {
    r.error(n, "collector/shape", shape_message("service::pipelines", "a mapping", n));
    return;
  }
  for (size_t i = 0; i < n.entry_count(); ++i) {
    const yaml::Node& k = n.key(i);
    const yaml::Node& v = n.val(i);
    Pipeline p;
    p.key = &k;
    ParsedId id =
        k.is_scalar() ? parse_component_id(k.value) : ParsedId{{}, {}, "id must not be empty"};
    // A type with odd characters is reported as an unknown signal, as otelcol does.
    if (!id.error.empty() && id.error.find("in type") == std::string::npos) {
      r.error(k, "collector/invalid-id", "service::pipelines: " + id.error);
      continue;
    }
    p.id = id.name.empty() ? id.type : id.type + "/" + id.name;
    for (uint8_t s : {kTraces, kMetrics, kLogs, kProfiles}) {
      if (id.type == signal_name(s)) p.signal = s;
    }
    if (p.signal == 0) {
      r.error(k, "collector/pipeline",
              "service::pipelines: in " + quote(p.id) +
                  " id: unknown pipeline signal: " + quote(id.type),
              "a pipeline is named traces, metrics, logs or profiles, optionally /NAME");
    }
    if (v.is_mapping()) {
      for (size_t j = 0; j < v.entry_count(); ++j) {
        std::string_view key = v.key(j).value;
        std::string what = "service::pipelines::" + p.id + "::" + std::string(key);
        if (key == "receivers")
          p.receivers = read_ids(v.val(j), what, r, p.dynamic);
        else if (key == "processors")
          p.processors = read_ids(v.val(j), what, r, p.dynamic);
        else if (key == "exporters")
          p.exporters = read_ids(v.val(j), what, r, p.dynamic);
        else
          r.error(v.key(j), "collector/unknown-key",
                  "service::pipelines::" + p.id + ": unknown key " + quote(key),
                  key == "connectors" ? "connectors go in receivers and exporters" : "");
      }
    } else if (!v.is_null()) {
      r.error(v, "collector/shape", shape_message("service::pipelines::" + p.id, "a mapping", v));
    }
    m.pipelines.push_back(std::move(p));
  }
}

void load_service(const yaml::Node& svc, Reporter& r, Model& m) {
  m.service = &svc;
  if (svc.is_null()) return;
  if (is_reference(svc)) {
    m.dynamic = true;
    return;
  }
  if (!svc.is_mapping()) {
    r.error(svc, "collector/shape", shape_message("service", "a mapping", svc));
    return;
  }
  for (size_t i = 0; i < svc.entry_count(); ++i) {
    std::string_view key = svc.key(i).value;
    if (key == "pipelines") {
      load_pipelines(svc.val(i), r, m);
    } else if (key == "extensions") {
      m.service_extensions = read_ids(svc.val(i), "service::extensions", r, m.dynamic);
    } else if (key == "telemetry") {
      m.telemetry = &svc.val(i);
    } else {
      std::vector<std::string_view> known{"extensions", "pipelines", "telemetry"};
      std::string guess = util::closest_match(key, known);
      r.error(svc.key(i), "collector/unknown-key", "service: unknown key " + quote(key),
              guess.empty() ? "" : "did you mean " + quote(guess) + "?");
    }
  }
}

}  // namespace

void load_model(const yaml::Node& root, const CheckOptions& options, Reporter& r, Model& m) {
  m.root = &root;
  if (root.is_null()) return;
  if (!root.is_mapping()) {
    r.error(root, "collector/shape", shape_message("a collector config", "a mapping", root));
    return;
  }
  std::vector<std::string_view> known{"connectors", "exporters", "extensions",
                                      "processors", "receivers", "service"};
  for (size_t i = 0; i < root.entry_count(); ++i) {
    std::string_view key = root.key(i).value;
    const yaml::Node& v = root.val(i);
    bool found = false;
    for (Kind k : kKinds) {
      if (key == section_name(k)) {
        load_section(v, k, options, r, m);
        found = true;
      }
    }
    if (key == "service") {
      load_service(v, r, m);
    } else if (!found) {
      std::string guess = util::closest_match(key, known);
      r.error(root.key(i), "collector/unknown-key",
              "unknown top-level key " + quote(key) +
                  " (a collector config has receivers, processors, exporters, connectors, "
                  "extensions and service)",
              guess.empty() ? "" : "did you mean " + quote(guess) + "?");
    }
  }
}

}  // namespace caxtool::collector
