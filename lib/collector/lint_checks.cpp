// SPDX-License-Identifier: Apache-2.0
// The lints that read the whole model: processor order in each pipeline, components no
// pipeline uses, secrets written as literals, and listen ports that clash with each other or
// with the ports Caxton's guide reserves (shared/research/caxton-context.md, 1.4).
#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <unordered_set>

#include "collector/lint.h"
#include "collector/model.h"
#include "collector/values.h"

namespace caxtool::collector {
namespace {

std::string_view type_of(std::string_view id) { return id.substr(0, id.find('/')); }

bool is_sampler(std::string_view type) {
  return type == "tail_sampling" || type == "probabilistic_sampler" || type == "filter";
}

void processor_order(const Model& m, const CheckOptions& options, Reporter& r) {
  for (const Pipeline& p : m.pipelines) {
    if (p.dynamic) continue;
    std::string where = "service::pipelines::" + p.id + ": ";
    auto ml = std::find_if(p.processors.begin(), p.processors.end(),
                           [](const Ref& x) { return type_of(x.id) == "memory_limiter"; });
    if (ml == p.processors.end()) {
      r.lint(options, *p.key, kLintMemoryLimiter, where + "no memory_limiter processor",
             "define memory_limiter and list it first in processors");
    } else if (ml != p.processors.begin()) {
      r.lint(options, *ml->node, kLintMemoryLimiter,
             where + "memory_limiter is not the first processor (after " +
                 quote(p.processors.front().id) + ")",
             "move it to the front of the list");
    }
    for (size_t i = 0; i < p.processors.size(); ++i) {
      if (type_of(p.processors[i].id) != "batch") continue;
      for (size_t j = i + 1; j < p.processors.size(); ++j) {
        std::string_view t = type_of(p.processors[j].id);
        if (t == "memory_limiter" || is_sampler(t)) {
          r.lint(options, *p.processors[i].node, kLintBatch,
                 where + "batch comes before " + quote(p.processors[j].id),
                 "put batch after memory_limiter and after samplers and filters");
          break;
        }
      }
    }
  }
}

void unused(const Model& m, const CheckOptions& options, Reporter& r) {
  // IDs named anywhere, once each: a component is looked up here, not searched for.
  std::unordered_set<std::string> in_pipelines, in_extensions;
  for (const Pipeline& p : m.pipelines) {
    for (const auto* list : {&p.receivers, &p.processors, &p.exporters}) {
      for (const Ref& x : *list) in_pipelines.insert(normalized_id(x.id));
    }
  }
  for (const Ref& x : m.service_extensions) in_extensions.insert(normalized_id(x.id));
  auto used = [&](const Component& c) {
    return (c.kind == Kind::kExtension ? in_extensions : in_pipelines).count(c.id) != 0;
  };
  if (m.pipelines.empty() || m.dynamic) return;  // reported already, or unknown here
  for (const Component& c : m.components) {
    if (c.id.empty() || used(c)) continue;
    r.lint(options, *c.key, kLintUnused,
           std::string(kind_name(c.kind)) + " " + quote(c.id) + " is defined but " +
               (c.kind == Kind::kExtension ? "not listed in service::extensions"
                                           : "used by no pipeline"),
           c.kind == Kind::kExtension ? "add it to service::extensions, or remove it"
                                      : "add it to a pipeline, or remove it");
  }
}

std::string normalize_key(std::string_view k) {
  std::string out;
  for (char c : k) {
    out += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool secret_key(std::string_view key, std::string_view parent) {
  static constexpr std::array<std::string_view, 20> kNames = {
      "password",    "passwd",        "api_key",       "apikey",
      "token",       "access_token",  "auth_token",    "bearer_token",
      "secret",      "client_secret", "secret_key",    "secret_access_key",
      "license_key", "api_token",     "authorization", "x_api_key",
      "dd_api_key",  "sas_token",     "private_key",   "x_honeycomb_team"};
  std::string k = normalize_key(key);
  if (std::find(kNames.begin(), kNames.end(), k) != kNames.end()) return true;
  if (k == "key" && parent == "api") return true;
  if (parent == "headers") {
    for (std::string_view part : {"key", "token", "auth", "secret", "password", "license"}) {
      if (k.find(part) != std::string::npos) return true;
    }
  }
  return false;
}

void secrets(const yaml::Node& n, std::string_view parent, const CheckOptions& options,
             Reporter& r) {
  if (n.is_sequence()) {
    for (const yaml::Node& c : n.children) secrets(c, parent, options, r);
    return;
  }
  if (!n.is_mapping()) return;
  for (size_t i = 0; i < n.entry_count(); ++i) {
    const yaml::Node& k = n.key(i);
    const yaml::Node& v = n.val(i);
    if (v.is_scalar()) {
      if (!v.is_null() && !v.value.empty() && !has_reference(v.value) &&
          secret_key(k.value, normalize_key(parent))) {
        r.lint(options, v, kLintSecret, quote(k.value) + " holds a literal secret",
               "write it as ${env:NAME} and set NAME in the collector's environment");
      }
    } else {
      secrets(v, k.value, options, r);
    }
  }
}

bool caxton_port(int port, std::string& what) {
  if (port == 8080)
    what = "Caxton's REST API";
  else if (port == 9090)
    what = "Caxton's metrics and Prometheus's own listen address";
  else if (port >= 9091 && port <= 9099)
    what = "the Caxton agents' metrics (9091-9099)";
  else if (port == 7946)
    what = "Caxton's cluster gossip";
  else
    return false;
  return true;
}

bool hosts_overlap(const std::string& a, const std::string& b) {
  auto any = [](const std::string& h) { return h.empty() || h == "0.0.0.0" || h == "::"; };
  return any(a) || any(b) || a == b || (is_loopback(a) && is_loopback(b));
}

void port_clash(const Model& m, const CheckOptions& options, Reporter& r) {
  std::vector<Listener> ls = collect_listeners(m);
  for (size_t i = 0; i < ls.size(); ++i) {
    std::string what;
    if (ls[i].port != 0 && caxton_port(ls[i].port, what)) {
      r.lint(options, *ls[i].node, kLintPortClash,
             ls[i].what + " listens on port " + std::to_string(ls[i].port) + ", used by " + what,
             "the collector's ports are 4317/4318 (OTLP), 8888 (self-metrics), 8889 "
             "(prometheus exporter)");
    }
    for (size_t j = 0; j < i; ++j) {
      if (ls[i].port != 0 && ls[i].port == ls[j].port && hosts_overlap(ls[i].host, ls[j].host)) {
        r.lint(options, *ls[i].node, kLintPortClash,
               ls[i].what + " listens on port " + std::to_string(ls[i].port) + ", as " +
                   ls[j].what + " does (line " + std::to_string(ls[j].node->start.line) + ")",
               "two listeners on one port fail at start with 'address already in use'");
        break;
      }
    }
  }
}

}  // namespace

void run_lints(const Model& m, const CheckOptions& options, Reporter& r) {
  processor_order(m, options, r);
  unused(m, options, r);
  for (const Component& c : m.components) {
    secrets(*c.value, "", options, r);
  }
  port_clash(m, options, r);
}

}  // namespace caxtool::collector
