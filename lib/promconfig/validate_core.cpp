// SPDX-License-Identifier: Apache-2.0
// The top of prometheus.yml: global defaults, the checks that need the whole file (unique job
// names, timeouts against the global interval, rule file patterns), alerting, remote endpoints
// and tracing, as config/config.go's UnmarshalYAML methods run them.
#include <algorithm>
#include <cctype>
#include <map>

#include "promconfig/validators.h"
#include "util/duration.h"

namespace caxtool::promconfig {
namespace {

int64_t duration_of(const yaml::Node& n, std::string_view key) {
  auto ms = util::parse_duration_ms(text(n, key));
  return ms ? *ms : 0;
}

// `name` must be unique among the items of `list` (remote_write, remote_read).
void unique_names(const yaml::Node* list, std::string_view what, Context& ctx) {
  if (list == nullptr || !list->is_sequence()) return;
  std::map<std::string, bool, std::less<>> seen;
  for (const yaml::Node& item : list->children) {
    const yaml::Node* name = value(item, "name");
    if (name == nullptr || name->value.empty()) continue;
    if (!seen.emplace(name->value, true).second) {
      ctx.error(*name, "found multiple " + std::string(what) + " configs with job name " +
                           quote(name->value));
    }
  }
}

void check_headers(const yaml::Node& n, Context& ctx) {
  const yaml::Node* headers = value(n, "headers");
  if (headers == nullptr || !headers->is_mapping()) return;
  static constexpr std::string_view kReserved[] = {"authorization",
                                                   "host",
                                                   "content-encoding",
                                                   "content-length",
                                                   "content-type",
                                                   "user-agent",
                                                   "connection",
                                                   "keep-alive",
                                                   "proxy-authenticate",
                                                   "proxy-authorization",
                                                   "www-authenticate",
                                                   "accept-encoding",
                                                   "x-prometheus-remote-write-version",
                                                   "x-prometheus-remote-read-version",
                                                   "x-amz-date",
                                                   "x-amz-security-token",
                                                   "x-amz-content-sha256"};
  for (size_t i = 0; i < headers->entry_count(); ++i) {
    const yaml::Node& k = headers->key(i);
    std::string lower = k.value;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "authorization") {
      std::string tail = ctx.at_least(2, 55)   ? "sigv4, azuread or google_iam parameter"
                         : ctx.at_least(2, 45) ? "sigv4, or azuread parameter"
                                               : "or sigv4 parameter";
      ctx.error(k,
                "authorization header must be changed via the basic_auth, authorization, "
                "oauth2, " +
                    tail);
      return;
    }
    if (std::find(std::begin(kReserved), std::end(kReserved), lower) != std::end(kReserved)) {
      ctx.error(k, k.value + " is a reserved header. It must not be changed");
      return;
    }
  }
}

}  // namespace

void validate_global(const yaml::Node& n, Context& ctx) {
  Model& m = ctx.model();
  if (int64_t v = duration_of(n, "scrape_interval"); v != 0) m.scrape_interval_ms = v;
  m.scrape_timeout_ms = duration_of(n, "scrape_timeout");
  if (int64_t v = duration_of(n, "evaluation_interval"); v != 0) m.evaluation_interval_ms = v;
  if (m.scrape_timeout_ms > m.scrape_interval_ms) {
    ctx.error(*n.get("scrape_timeout"), "global scrape timeout greater than scrape interval");
  }
}

void validate_root(const yaml::Node& n, Context& ctx) {
  Model& m = ctx.model();
  // Jobs were validated one by one as they were parsed; what needs the global block is here.
  // Duplicate names: job indices sorted by (name, index), 4 bytes a job instead of a map.
  std::vector<uint32_t> order(m.jobs.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&m](uint32_t a, uint32_t b) {
    int c = m.jobs[a].name.compare(m.jobs[b].name);
    return c != 0 ? c < 0 : a < b;
  });
  std::vector<uint32_t> first_of(m.jobs.size());
  for (size_t i = 0; i < order.size(); ++i) {
    bool same = i > 0 && m.jobs[order[i]].name == m.jobs[order[i - 1]].name;
    first_of[order[i]] = same ? first_of[order[i - 1]] : order[i];
  }
  order = {};
  for (uint32_t i = 0; i < m.jobs.size(); ++i) {
    const Job& j = m.jobs[i];
    int64_t interval = m.interval_of(j);
    if (j.timeout_ms > interval) {
      ctx.error(j.timeout_at,
                "scrape timeout greater than scrape interval for scrape config with "
                "job name " +
                    quote(j.name));
    }
    if (first_of[i] != i) {
      ctx.error(j.at, "found multiple scrape configs with job name " + quote(j.name),
                "config/invalid",
                "first defined at line " + std::to_string(m.jobs[first_of[i]].at.line));
    }
  }
  if (const yaml::Node* files = value(n, "rule_files"); files != nullptr && files->is_sequence()) {
    for (const yaml::Node& f : files->children) {
      // ^[^*]*(\*[^/]*)?$: at most one *, and only in the last path element.
      size_t star = f.value.find('*');
      bool ok = star == std::string::npos || (f.value.find('*', star + 1) == std::string::npos &&
                                              f.value.find('/', star) == std::string::npos);
      if (!ok) {
        ctx.error(f, "invalid rule file path " + quote(f.value), "config/invalid",
                  "a single * is allowed, in the file name only");
        continue;
      }
      m.rule_files.push_back({f.value, f.start});
    }
  }
  if (const yaml::Node* files = value(n, "scrape_config_files");
      files != nullptr && files->is_sequence()) {
    for (const yaml::Node& f : files->children) {
      size_t star = f.value.find('*');
      bool ok = star == std::string::npos || (f.value.find('*', star + 1) == std::string::npos &&
                                              f.value.find('/', star) == std::string::npos);
      if (!ok) ctx.error(f, "invalid scrape config file path " + quote(f.value));
    }
  }
  unique_names(value(n, "remote_write"), "remote write", ctx);
  unique_names(value(n, "remote_read"), "remote read", ctx);
}

void validate_alerting(const yaml::Node& n, Context& ctx) {
  if (const yaml::Node* list = value(n, "alert_relabel_configs"); list && list->is_sequence()) {
    for (const yaml::Node& r : list->children) ctx.model().alert_relabel.push_back(read_relabel(r));
  }
}

void validate_alertmanager(const yaml::Node& n, Context& ctx) {
  std::string_view api = text(n, "api_version");
  if (!api.empty()) {
    bool ok = api == "v2" || (api == "v1" && !ctx.at_least(3, 0));
    if (!ok) {
      ctx.error(*value(n, "api_version"), "expected Alertmanager api version to be one of " +
                                              std::string(ctx.at_least(3, 0) ? "[v2]" : "[v1 v2]") +
                                              " but got " + std::string(api));
      return;
    }
  }
  if (ctx.at_least(2, 48) && has(n, "sigv4") &&
      (has(n, "basic_auth") || has(n, "authorization") || has(n, "oauth2"))) {
    ctx.error(n, "at most one of basic_auth, authorization, oauth2, & sigv4 must be configured");
    return;
  }
  // Static targets: a URL is not a host, unless relabelling makes one (promtool runs them
  // through the relabel rules as the notifier would).
  std::vector<Relabel> rules;
  if (const yaml::Node* list = value(n, "relabel_configs")) {
    for (const yaml::Node& r : list->children) rules.push_back(read_relabel(r));
  }
  const yaml::Node* statics = value(n, "static_configs");
  if (statics == nullptr || !statics->is_sequence()) return;
  std::string scheme(text(n, "scheme"));
  for (const yaml::Node& g : statics->children) {
    const yaml::Node* targets = value(g, "targets");
    if (targets == nullptr || !targets->is_sequence()) continue;
    for (const yaml::Node& t : targets->children) {
      std::map<std::string, std::string> labels{
          {"__address__", t.value},
          {"__scheme__", scheme.empty() ? "http" : scheme},
          {"__alerts_path__", std::string(text(n, "path_prefix")) + "/api/v2/alerts"}};
      auto relabelled = relabel_target(std::move(labels), rules, ctx.at_least(3, 0));
      auto addr =
          relabelled ? std::optional<std::string>((*relabelled)["__address__"]) : std::nullopt;
      if (addr && addr->find('/') != std::string::npos) {
        ctx.error(t, quote(*addr) + " is not a valid hostname", "config/invalid",
                  "a target is host:port; put the path in path_prefix");
        return;
      }
    }
  }
}

void validate_remote_write(const yaml::Node& n, Context& ctx) {
  if (text(n, "url").empty()) return ctx.error(n, "url for remote_write is empty");
  check_headers(n, ctx);
  int auths = has(n, "basic_auth") + has(n, "authorization") + has(n, "oauth2") + has(n, "sigv4") +
              has(n, "azuread") + has(n, "google_iam");
  if (auths > 1) {
    ctx.error(n, ctx.at_least(2, 55)
                     ? "at most one of basic_auth, authorization, oauth2, sigv4, azuread or "
                       "google_iam must be configured"
                 : ctx.at_least(2, 45)
                     ? "at most one of basic_auth, authorization, oauth2, sigv4, & azuread must "
                       "be configured"
                     : "at most one of basic_auth, authorization, oauth2, & sigv4 must be "
                       "configured");
  }
}

void validate_remote_read(const yaml::Node& n, Context& ctx) {
  if (text(n, "url").empty()) return ctx.error(n, "url for remote_read is empty");
  check_headers(n, ctx);
}

void validate_tracing(const yaml::Node& n, Context& ctx) {
  std::string_view client = text(n, "client_type");
  if (!client.empty() && client != "grpc" && client != "http") {
    return ctx.error(
        n, "expected tracing client type to be to be http or grpc, but got " + std::string(client));
  }
  if (text(n, "endpoint").empty()) return ctx.error(n, "tracing endpoint must be set");
  std::string_view comp = text(n, "compression");
  if (!comp.empty() && comp != "gzip") {
    return ctx.error(
        n, "invalid compression type " + std::string(comp) + " provided, valid options: gzip");
  }
  if (const yaml::Node* headers = value(n, "headers"); headers != nullptr) {
    for (size_t i = 0; i < headers->entry_count(); ++i) {
      std::string lower = headers->key(i).value;
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "authorization") {
        return ctx.error(headers->key(i),
                         "custom authorization header configuration is not yet supported");
      }
      if (lower.starts_with("x-prometheus-remote-") || lower == "user-agent" ||
          lower == "content-type" || lower == "content-encoding" || lower == "host") {
        return ctx.error(headers->key(i),
                         headers->key(i).value + " is a reserved header. It must not be changed");
      }
    }
  }
}

}  // namespace caxtool::promconfig
