// SPDX-License-Identifier: Apache-2.0
// The service's verdicts (otelcol/config.go Validate, service/pipelines/config.go, and the
// pipeline graph service/internal/graph builds during `otelcol validate`): sections that must
// not be empty, every ID a pipeline or service::extensions names defined in its section,
// connectors used on both sides with a signal pair they support, no cycle through connectors,
// and each component able to handle its pipeline's signal where the table records it.
#include <algorithm>
#include <functional>
#include <map>

#include "collector/lint.h"
#include "collector/model.h"

namespace caxtool::collector {
namespace {

// The ID as otelcol reads it, or "" (after reporting) when it does not parse.
std::string normalize(const Ref& ref, Reporter& r) {
  ParsedId id = parse_component_id(ref.id);
  if (!id.error.empty()) {
    r.error(*ref.node, "collector/invalid-id", id.error);
    return {};
  }
  return id.name.empty() ? id.type : id.type + "/" + id.name;
}

void check_signal(const Component& c, const Pipeline& p, const Ref& ref, Reporter& r) {
  if (!c.valid || c.info == nullptr || c.info->signals == 0 || p.signal == kProfiles ||
      p.signal == 0 || (c.info->signals & p.signal) != 0) {
    return;
  }
  std::string kind(kind_name(c.kind));
  std::string msg = c.kind == Kind::kProcessor
                        ? "failed to create " + quote(c.id) + " processor, in pipeline " +
                              quote(p.id) + ": telemetry type is not supported"
                        : "failed to create " + quote(c.id) + " " + kind + " for data type " +
                              quote(signal_name(p.signal)) + ": telemetry type is not supported";
  std::string can;
  for (uint8_t s : {kTraces, kMetrics, kLogs, kProfiles}) {
    if (c.info->signals & s) can += (can.empty() ? "" : ", ") + std::string(signal_name(s));
  }
  r.error(*ref.node, "collector/signal", msg, "the " + c.type + " " + kind + " handles " + can);
}

bool supports(const Component* c, uint8_t from, uint8_t to) {
  if (from == 0 || to == 0) return false;
  if (c == nullptr || c->info == nullptr || c->info->kind != Kind::kConnector) return true;
  return connector_supports(*c->info, from, to);
}

struct Use {
  const Pipeline* pipeline;
  const Ref* ref;
};

void check_connectors(const Model& m, const std::map<std::string, std::vector<Use>>& as_exporter,
                      const std::map<std::string, std::vector<Use>>& as_receiver, Reporter& r) {
  static const std::vector<Use> kNone;
  for (const Component& c : m.components) {
    if (c.kind != Kind::kConnector || c.id.empty()) continue;
    auto e = as_exporter.find(c.id);
    auto rc = as_receiver.find(c.id);
    const auto& exps = e == as_exporter.end() ? kNone : e->second;
    const auto& recs = rc == as_receiver.end() ? kNone : rc->second;
    for (const Use& u : exps) {
      if (u.pipeline->signal == 0) continue;
      bool ok = std::any_of(recs.begin(), recs.end(), [&](const Use& v) {
        return supports(&c, u.pipeline->signal, v.pipeline->signal);
      });
      if (!ok) {
        r.error(*u.ref->node, "collector/connector",
                "connector " + quote(c.id) + " used as exporter in [" + u.pipeline->id +
                    "] pipeline but not used in any supported receiver pipeline",
                "list it under receivers of a pipeline that takes what it emits");
      }
    }
    for (const Use& u : recs) {
      if (u.pipeline->signal == 0) continue;
      bool ok = std::any_of(exps.begin(), exps.end(), [&](const Use& v) {
        return supports(&c, v.pipeline->signal, u.pipeline->signal);
      });
      if (!ok) {
        r.error(*u.ref->node, "collector/connector",
                "connector " + quote(c.id) + " used as receiver in [" + u.pipeline->id +
                    "] pipeline but not used in any supported exporter pipeline",
                "list it under exporters of a pipeline whose data it takes");
      }
    }
  }
}

// Pipelines linked through connectors (exporter in one, receiver in the next) must not loop.
void check_cycles(const Model& m, const std::map<std::string, std::vector<Use>>& as_exporter,
                  const std::map<std::string, std::vector<Use>>& as_receiver, Reporter& r) {
  size_t n = m.pipelines.size();
  std::vector<std::vector<size_t>> next(n);
  auto index = [&](const Pipeline* p) { return static_cast<size_t>(p - m.pipelines.data()); };
  for (const auto& [id, exps] : as_exporter) {
    auto rc = as_receiver.find(id);
    if (rc == as_receiver.end()) continue;
    const Component* c = m.find(Kind::kConnector, id);
    for (const Use& a : exps) {
      for (const Use& b : rc->second) {
        if (supports(c, a.pipeline->signal, b.pipeline->signal)) {
          next[index(a.pipeline)].push_back(index(b.pipeline));
        }
      }
    }
  }
  std::vector<int> state(n, 0);  // 0 new, 1 on the stack, 2 done
  std::vector<size_t> stack;
  std::function<bool(size_t)> visit = [&](size_t v) {
    state[v] = 1;
    stack.push_back(v);
    for (size_t w : next[v]) {
      if (state[w] == 1) {
        std::string path;
        auto from = std::find(stack.begin(), stack.end(), w);
        for (auto it = from; it != stack.end(); ++it) path += m.pipelines[*it].id + " -> ";
        r.error(*m.pipelines[w].key, "collector/connector",
                "cycle detected: " + path + m.pipelines[w].id,
                "a connector must not feed data back into a pipeline it comes from");
        return true;
      }
      if (state[w] == 0 && visit(w)) return true;
    }
    state[v] = 2;
    stack.pop_back();
    return false;
  };
  for (size_t v = 0; v < n; ++v) {
    if (state[v] == 0 && visit(v)) return;
  }
}

}  // namespace

void check_pipelines(const Model& m, const CheckOptions& options, Reporter& r) {
  const yaml::Node& root = *m.root;
  bool all_empty = true;
  for (Kind k :
       {Kind::kReceiver, Kind::kProcessor, Kind::kExporter, Kind::kConnector, Kind::kExtension}) {
    all_empty = all_empty && m.section_empty(k);
  }
  if (all_empty && !m.dynamic) {
    r.error(root, "collector/missing-section", "empty configuration file",
            "a collector config defines receivers, exporters and a service with pipelines");
    return;
  }
  if (m.section_empty(Kind::kReceiver) && !m.dynamic) {
    r.error(root, "collector/missing-section", "no receiver configuration specified in config");
  }
  if (m.section_empty(Kind::kExporter) && !m.dynamic) {
    r.error(root, "collector/missing-section", "no exporter configuration specified in config");
  }
  for (const Component& c : m.components) {
    if (c.kind != Kind::kConnector || c.id.empty()) continue;
    for (Kind other : {Kind::kExporter, Kind::kReceiver}) {
      if (m.find(other, c.id) == nullptr) continue;
      std::string kind(kind_name(other));
      r.error(*c.key, "collector/ambiguous-id",
              "connectors::" + c.id + ": ambiguous ID: Found both " + quote(c.id) + " " + kind +
                  " and " + quote(c.id) +
                  " connector. Change one of the components' IDs to "
                  "eliminate ambiguity (e.g. rename " +
                  quote(c.id) + " connector to " + quote(c.id + "/connector") + ")");
    }
  }
  for (const Ref& ref : m.service_extensions) {
    std::string id = normalize(ref, r);
    if (!id.empty() && m.find(Kind::kExtension, id) == nullptr && !m.dynamic) {
      r.error(*ref.node, "collector/undefined-component",
              "service::extensions: references extension " + quote(id) + " which is not configured",
              "define it under extensions:");
    }
  }
  if (m.pipelines.empty()) {
    if (m.dynamic) return;
    const yaml::Node& at = m.pipelines_node ? *m.pipelines_node : m.service ? *m.service : root;
    r.error(at, "collector/pipeline", "service must have at least one pipeline");
    return;
  }
  std::map<std::string, std::vector<Use>> as_exporter, as_receiver;
  for (const Pipeline& p : m.pipelines) {
    std::string where = "service::pipelines::" + p.id + ": ";
    if (p.receivers.empty() && !p.dynamic)
      r.error(*p.key, "collector/pipeline", where + "must have at least one receiver");
    if (p.exporters.empty() && !p.dynamic)
      r.error(*p.key, "collector/pipeline", where + "must have at least one exporter");
    if (p.signal == kProfiles && !options.profiles_gate) {
      r.add(*p.key, diag::Severity::kWarning, "collector/feature-gate",
            "pipeline " + quote(p.id) +
                ": profiling signal support is at alpha level, gated "
                "under the \"service.profilesSupport\" feature gate",
            "run the collector (and this check) with --feature-gates=service.profilesSupport");
    }
    auto resolve = [&](const std::vector<Ref>& refs, Kind kind, bool connectors,
                       std::map<std::string, std::vector<Use>>* uses) {
      std::vector<std::string> seen;
      for (const Ref& ref : refs) {
        std::string id = normalize(ref, r);
        if (id.empty()) continue;
        if (std::find(seen.begin(), seen.end(), id) != seen.end()) {
          if (kind == Kind::kProcessor) {
            r.error(*ref.node, "collector/pipeline",
                    where + "references processor " + quote(id) + " multiple times");
          } else {
            r.lint(options, *ref.node, kLintDuplicate,
                   where + std::string(kind_name(kind)) + " " + quote(id) + " listed twice");
          }
          continue;
        }
        seen.push_back(id);
        if (const Component* c = m.find(kind, id)) {
          check_signal(*c, p, ref, r);
        } else if (connectors && m.find(Kind::kConnector, id) != nullptr) {
          (*uses)[id].push_back({&p, &ref});
        } else if (!m.dynamic) {
          r.error(*ref.node, "collector/undefined-component",
                  where + "references " + std::string(kind_name(kind)) + " " + quote(id) +
                      " which is not configured",
                  "define it under " + std::string(section_name(kind)) + ":" +
                      (connectors ? " (or connectors:)" : ""));
        }
      }
    };
    resolve(p.receivers, Kind::kReceiver, true, &as_receiver);
    resolve(p.processors, Kind::kProcessor, false, nullptr);
    resolve(p.exporters, Kind::kExporter, true, &as_exporter);
  }
  check_connectors(m, as_exporter, as_receiver, r);
  check_cycles(m, as_exporter, as_receiver, r);
}

}  // namespace caxtool::collector
