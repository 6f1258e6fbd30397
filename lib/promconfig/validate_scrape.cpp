// SPDX-License-Identifier: Apache-2.0
// One scrape config: ScrapeConfig.UnmarshalYAML's checks, then what promtool adds on top (its
// static targets run through relabelling, credential and certificate files that must exist,
// file_sd files that must parse). The job is recorded in the model for the lint checks.
#include <glob.h>
#include <sys/stat.h>

#include <map>
#include <optional>

#include "promconfig/lint.h"
#include "promconfig/validators.h"
#include "promql/regex.h"
#include "util/duration.h"
#include "util/file.h"
#include "yaml/node.h"

namespace caxtool::promconfig {
namespace {

bool file_exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

std::vector<std::string> glob_paths(const std::string& pattern) {
  std::vector<std::string> out;
  glob_t g{};
  if (::glob(pattern.c_str(), 0, nullptr, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i) out.emplace_back(g.gl_pathv[i]);
  }
  globfree(&g);
  return out;
}

bool has_port(std::string_view addr) {
  size_t colon = addr.rfind(':');
  if (colon == std::string_view::npos) return false;
  if (addr.front() == '[') return addr.find(']') < colon;
  return addr.find(':') == colon;
}

void check_static_targets(const yaml::Node& n, Job& job, JobRelabelling& rel, Context& ctx) {
  const yaml::Node* statics = value(n, "static_configs");
  if (statics == nullptr || !statics->is_sequence()) return;
  std::string scheme(text(n, "scheme"));
  if (scheme.empty()) scheme = "http";
  bool has_rules = !rel.relabel.empty();
  for (size_t gi = 0; gi < statics->children.size(); ++gi) {
    const yaml::Node& g = statics->children[gi];
    // The target's labels are only built when rules will read them.
    std::map<std::string, std::string> base;
    if (const yaml::Node* labels = value(g, "labels"); labels != nullptr) {
      for (size_t i = 0; i < labels->entry_count(); ++i) {
        if (has_rules) base[labels->key(i).value] = labels->val(i).value;
        rel.static_labels.push_back(labels->key(i).value);
      }
    }
    if (has_rules) {
      base["job"] = job.name;
      base["__scheme__"] = scheme;
      base["__metrics_path__"] = job.metrics_path;
    }
    const yaml::Node* targets = value(g, "targets");
    if (targets == nullptr || !targets->is_sequence()) continue;
    job.targets.reserve(job.targets.size() + targets->children.size());
    for (size_t ti = 0; ti < targets->children.size(); ++ti) {
      const yaml::Node& t = targets->children[ti];
      job.targets.push_back({t.value, t.start});
      if (!has_rules && t.value.find('/') != std::string::npos) {
        ctx.error(t, quote(t.value) + " is not a valid hostname", "config/invalid",
                  "a target is host:port; put the path in metrics_path and the scheme in scheme");
        return;
      }
      // Without rules the labels stay as they are: no copy per target.
      std::optional<std::map<std::string, std::string>> relabelled;
      if (has_rules) {
        auto labels = base;
        labels["__address__"] = t.value;
        relabelled = relabel_target(std::move(labels), rel.relabel, ctx.at_least(3, 0));
        if (!relabelled) continue;
      }
      const std::string& addr = has_rules ? (*relabelled)["__address__"] : t.value;
      const std::string& target_scheme = has_rules ? (*relabelled)["__scheme__"] : scheme;
      // Built only for an error: most configs list thousands of good targets.
      auto where = [ti, gi] {
        return "instance " + std::to_string(ti) + " in group " + std::to_string(gi) + ": ";
      };
      if (addr.empty()) {
        ctx.error(t, where() + "no address");
        return;
      }
      if (!ctx.at_least(3, 0) && !has_port(addr) && target_scheme != "http" &&
          target_scheme != "https") {
        ctx.error(t, where() + "invalid scheme: " + quote(scheme));
        return;
      }
      if (addr.find('/') != std::string::npos) {
        ctx.error(t, where() + quote(addr) + " is not a valid hostname", "config/invalid",
                  "a target is host:port; relabelling left a URL in __address__");
        return;
      }
    }
  }
}

// promtool's checkTLSConfig: a certificate needs its key, and both files must exist.
void check_tls_files(const yaml::Node& n, Context& ctx) {
  const yaml::Node* tls = value(n, "tls_config");
  if (tls == nullptr) return;
  std::string_view cert = text(*tls, "cert_file");
  std::string_view key = text(*tls, "key_file");
  if (!ctx.at_least(2, 45)) {
    if (!cert.empty() && key.empty()) {
      return ctx.error(*tls, "client cert file " + quote(ctx.resolve(cert)) +
                                 " specified without client key file");
    }
    if (!key.empty() && cert.empty()) {
      return ctx.error(*tls, "client key file " + quote(ctx.resolve(key)) +
                                 " specified without client cert file");
    }
  }
  if (ctx.options().syntax_only) return;
  for (auto [what, path] : {std::pair{"cert", cert}, std::pair{"key", key}}) {
    if (path.empty()) continue;
    std::string resolved = ctx.resolve(path);
    if (!file_exists(resolved)) {
      return ctx.error(*value(*tls, std::string(what) + "_file"),
                       "error checking client " + std::string(what) + " file " + quote(resolved) +
                           ": stat " + resolved + ": no such file or directory",
                       "config/file");
    }
  }
}

void check_credentials_file(const yaml::Node& n, Context& ctx) {
  if (ctx.options().syntax_only) return;
  const yaml::Node* file = value(n, "bearer_token_file");
  if (const yaml::Node* a = value(n, "authorization"); a != nullptr && file == nullptr) {
    file = value(*a, "credentials_file");
  }
  if (file == nullptr) return;
  std::string resolved = ctx.resolve(file->value);
  if (!file_exists(resolved)) {
    ctx.error(*file,
              "error checking authorization credentials or bearer token file " + quote(resolved) +
                  ": stat " + resolved + ": no such file or directory",
              "config/file");
  }
}

// Target groups of one file_sd file: a list of {targets, labels}.
void check_sd_file(const std::string& path, const yaml::Node& at, Context& ctx) {
  std::string ext =
      path.substr(path.rfind('.') == std::string::npos ? path.size() : path.rfind('.'));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext != ".json" && ext != ".yml" && ext != ".yaml") {
    return ctx.error(at,
                     "checking SD file " + quote(path) + ": invalid file extension: " + quote(ext));
  }
  std::string error;
  auto content = util::read_file(path, error);
  if (!content)
    return ctx.error(at, "checking SD file " + quote(path) + ": " + error, "config/file");
  yaml::ParseResult parsed = yaml::parse(*content, path);
  if (!parsed.ok()) {
    return ctx.error(
        at, "checking SD file " + quote(path) + ": " + parsed.diagnostics.items().front().message,
        "config/file");
  }
  if (parsed.documents.empty() || parsed.documents.front().empty) return;
  const yaml::Node& root = parsed.documents.front().root;
  if (root.is_null()) return;
  if (!root.is_sequence()) {
    return ctx.error(at,
                     "checking SD file " + quote(path) + ": cannot unmarshal " +
                         std::string(root.is_mapping() ? "!!map" : "!!str") +
                         " into []*targetgroup.Group",
                     "config/file");
  }
  for (size_t i = 0; i < root.children.size(); ++i) {
    const yaml::Node& g = root.children[i];
    if (g.is_null()) {
      return ctx.error(at,
                       "checking SD file " + quote(path) +
                           ": nil target group item found "
                           "(index " +
                           std::to_string(i) + ")",
                       "config/file");
    }
    if (!g.is_mapping()) {
      return ctx.error(at,
                       "checking SD file " + quote(path) + ": line " +
                           std::to_string(g.start.line) +
                           ": cannot unmarshal into "
                           "targetgroup.Group",
                       "config/file");
    }
  }
}

void check_file_sd(const yaml::Node& n, const Job& job, Context& ctx) {
  if (ctx.options().syntax_only) return;
  const yaml::Node* list = value(n, "file_sd_configs");
  if (list == nullptr || !list->is_sequence()) return;
  for (const yaml::Node& sd : list->children) {
    const yaml::Node* files = value(sd, "files");
    if (files == nullptr) continue;
    for (const yaml::Node& f : files->children) {
      auto paths = glob_paths(ctx.resolve(f.value));
      if (paths.empty()) {
        ctx.warning(f.start,
                    "file " + quote(ctx.resolve(f.value)) + " for file_sd in scrape job " +
                        quote(job.name) + " does not exist",
                    "config/file-sd-missing");
      }
      for (const std::string& p : paths) check_sd_file(p, f, ctx);
    }
  }
}

}  // namespace

void validate_scrape(const yaml::Node& n, Context& ctx) {
  Job job;
  job.at = n.start;
  const yaml::Node* name = value(n, "job_name");
  if (name == nullptr || name->value.empty()) return ctx.error(n, "job_name is empty");
  job.name = name->value;
  job.at = name->start;
  if (auto v = util::parse_duration_ms(text(n, "scrape_interval"))) job.interval_ms = *v;
  if (const yaml::Node* t = value(n, "scrape_timeout")) {
    job.timeout_ms = util::parse_duration_ms(t->value).value_or(0);
    job.timeout_at = t->start;
  }
  if (has(n, "metrics_path")) job.metrics_path = std::string(text(n, "metrics_path"));
  JobRelabelling rel;
  for (size_t i = 0; i < n.entry_count(); ++i) {
    std::string_view key = n.key(i).value;
    if (key == "static_configs") rel.discoveries.emplace_back("static");
    if (key.ends_with("_sd_configs")) {
      rel.discoveries.emplace_back(key.substr(0, key.size() - 11));
    }
  }
  for (const char* key : {"relabel_configs", "metric_relabel_configs"}) {
    const yaml::Node* list = value(n, key);
    if (list == nullptr) continue;
    auto& out = std::string_view(key) == "relabel_configs" ? rel.relabel : rel.metric_relabel;
    out.reserve(list->children.size());
    for (const yaml::Node& r : list->children) out.push_back(read_relabel(r));
  }
  size_t before = ctx.error_count();
  check_static_targets(n, job, rel, ctx);
  if (ctx.error_count() == before) check_credentials_file(n, ctx);
  if (ctx.error_count() == before) check_tls_files(n, ctx);
  if (const yaml::Node* k8s = value(n, "kubernetes_sd_configs");
      k8s && ctx.error_count() == before) {
    for (const yaml::Node& sd : k8s->children) check_tls_files(sd, ctx);
  }
  if (ctx.error_count() == before) check_file_sd(n, job, ctx);
  // What the lints need later; the relabelling goes with this function's locals.
  Model& model = ctx.model();
  relabel_findings(job, rel, ctx.at_least(3, 0), ctx.file(), model.job_findings);
  for (const Relabel& r : rel.metric_relabel) {
    if (r.action != "labeldrop" && r.action != "labelkeep") continue;
    model.label_drops.push_back({static_cast<uint32_t>(model.jobs.size()),
                                 model.intern_regex(r.regex), r.at, r.action == "labelkeep"});
  }
  job.targets.shrink_to_fit();
  model.jobs.push_back(std::move(job));
}

}  // namespace caxtool::promconfig
