// SPDX-License-Identifier: Apache-2.0
// The config lints. Each reads the model the validation left (jobs, targets, relabelling) and
// the rules of the rule files, never the YAML again.
#include "promconfig/lint.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "promconfig/context.h"
#include "promconfig/validators.h"
#include "promql/regex.h"

namespace caxtool::promconfig {
namespace {

constexpr LintInfo kLints[] = {
    {"config/duplicate-target", diag::Severity::kWarning,
     "the same target and path scraped by two jobs",
     "Two jobs scrape the same host:port and metrics path. Every series is stored twice, once per "
     "job label, which doubles its cost and makes sum() over the metric count everything twice. "
     "Keep the target in one job, or give the jobs different metrics paths if they really read "
     "different endpoints."},
    {"config/labeldrop-alert-label", diag::Severity::kWarning,
     "metric relabelling removes a label an alert reads",
     "A labeldrop (or labelkeep) in metric_relabel_configs removes a label that an alerting rule "
     "in the rule files uses: in a matcher, in by (...) or on (...), or in a template such as "
     "{{ $labels.instance }}. The alert then never fires for that selector, or fires with an "
     "empty label in its message. Keep the label, or change the alert."},
    {"config/port-clash", diag::Severity::kWarning, "a local target on Prometheus's own port 9090",
     "Prometheus listens on 9090 by default, and the Caxton metrics integration guide also puts "
     "Caxton's orchestrator metrics on 9090. On one host both cannot hold the port: the job named "
     "for Caxton ends up scraping Prometheus itself. Move Caxton's metrics port "
     "(server.metrics_port) or Prometheus (--web.listen-address), and scrape the new port. A job "
     "named like prometheus scraping itself is not reported."},
    {"config/rate-window", diag::Severity::kWarning,
     "a rule's rate() window shorter than two scrapes of its job",
     "rate(), increase(), irate() and their kin need at least two samples inside the range. When "
     "the range is shorter than twice the scrape interval of the job the selector names "
     "(job=\"x\"; "
     "the global interval when none is named), most evaluations see one sample and return "
     "nothing, so the alert or recording rule is silently empty. Use a range of at least four "
     "scrape intervals."},
    {"config/relabel-never-matches", diag::Severity::kWarning,
     "a relabel rule that can never match",
     "The rule's source labels are never set at this point: __meta_* labels of a service "
     "discovery the job does not use, labels a target relabelling never created, or __meta_* and "
     "__address__ in metric_relabel_configs (they are gone after target relabelling). The "
     "labels read as empty, so a keep drops every target, a drop drops all of them, and a "
     "replace never applies. Use the labels of the discovery the job really has."},
    {"config/target-port", diag::Severity::kError, "a static target whose port is not a port",
     "A static target is one host:port. Prometheus does not expand ranges such as "
     "localhost:9091-9099 (the Caxton guide's agent targets) and a port must be a number up to "
     "65535, so every scrape of this target fails. List one target per port, or use "
     "file_sd_configs."},
};

const LintInfo& info(std::string_view name) { return *find_lint(name); }

struct Reporter {
  const LintInput& in;
  diag::Diagnostics& diags;
  void add(std::string_view check, yaml::Mark at, std::string message, std::string hint = "",
           const std::string* file = nullptr) {
    if (in.enabled.count(check) == 0) return;
    diags.add({file != nullptr ? *file : in.file, at.line, at.column, 0, 0, info(check).severity,
               std::string(check), std::move(message), std::move(hint)});
  }
};

std::string duration_text(int64_t ms) {
  if (ms % 60000 == 0) return std::to_string(ms / 60000) + "m";
  if (ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

std::pair<std::string_view, std::string_view> split_host_port(std::string_view addr) {
  size_t colon = addr.rfind(':');
  if (colon == std::string_view::npos) return {addr, ""};
  if (addr.front() == '[' && addr.find(']') > colon) return {addr, ""};
  return {addr.substr(0, colon), addr.substr(colon + 1)};
}

bool is_local(std::string_view host) {
  return host == "localhost" || host == "127.0.0.1" || host == "[::1]" || host == "0.0.0.0" ||
         host == "::1";
}

// Duplicates are found by sorting references to the targets by a hash of their endpoint rather
// than hashing copies of their addresses: 10,000 jobs' targets cost 16 bytes each.
void lint_duplicate_targets(const LintInput& in, Reporter& r) {
  if (in.enabled.count("config/duplicate-target") == 0) return;
  struct Ref {
    uint64_t hash;  // of address and metrics path: sorting compares strings only on a tie
    uint32_t job, target;
  };
  const std::vector<Job>& jobs = in.model.jobs;
  auto address = [&jobs](const Ref& x) -> const std::string& {
    return jobs[x.job].targets[x.target].address;
  };
  auto same_key = [&](const Ref& a, const Ref& b) {
    return address(a) == address(b) && jobs[a.job].metrics_path == jobs[b.job].metrics_path;
  };
  std::vector<Ref> refs;
  size_t total = 0;
  for (const Job& j : jobs) total += j.targets.size();
  refs.reserve(total);
  std::hash<std::string_view> hash;
  for (uint32_t ji = 0; ji < jobs.size(); ++ji) {
    uint64_t path = hash(jobs[ji].metrics_path);
    for (uint32_t ti = 0; ti < jobs[ji].targets.size(); ++ti) {
      uint64_t h = hash(jobs[ji].targets[ti].address) ^ (path * 0x9e3779b97f4a7c15ull);
      refs.push_back({h, ji, ti});
    }
  }
  std::sort(refs.begin(), refs.end(), [](const Ref& a, const Ref& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    return a.job != b.job ? a.job < b.job : a.target < b.target;
  });
  auto report = [&](const Ref& owner_ref, const Ref& dup) {
    const Job& owner = jobs[owner_ref.job];
    const Job& j = jobs[dup.job];
    const Target& t = j.targets[dup.target];
    r.add("config/duplicate-target", t.at,
          "target " + t.address + j.metrics_path + " is also scraped by job " + quote(owner.name) +
              " (line " + std::to_string(owner.at.line) + ")",
          "scrape each endpoint from one job; duplicates store every series twice");
  };
  for (size_t begin = 0; begin < refs.size();) {
    size_t end = begin + 1;
    while (end < refs.size() && refs[end].hash == refs[begin].hash) ++end;
    bool one_key = true;
    for (size_t i = begin + 1; i < end && one_key; ++i) one_key = same_key(refs[begin], refs[i]);
    // The first job to list the endpoint owns it; every other job is reported once, at the
    // first time it lists it. The refs of one endpoint are in (job, target) order.
    for (size_t i = begin + 1; i < end; ++i) {
      if (one_key) {
        if (refs[i].job != refs[begin].job && refs[i].job != refs[i - 1].job) {
          report(refs[begin], refs[i]);
        }
        continue;
      }
      // Two endpoints with one hash: compare within the group.
      size_t owner = begin;
      while (owner < i && !same_key(refs[owner], refs[i])) ++owner;
      if (owner == i || refs[owner].job == refs[i].job) continue;
      bool seen_in_job = false;
      for (size_t k = owner; k < i && !seen_in_job; ++k) {
        seen_in_job = refs[k].job == refs[i].job && same_key(refs[k], refs[i]);
      }
      if (!seen_in_job) report(refs[owner], refs[i]);
    }
    begin = end;
  }
}

void lint_targets(const LintInput& in, Reporter& r) {
  for (const Job& j : in.model.jobs) {
    for (const Target& t : j.targets) {
      auto [host, port] = split_host_port(t.address);
      bool numeric = !port.empty() && port.size() <= 5 &&
                     port.find_first_not_of("0123456789") == std::string_view::npos &&
                     std::stoi(std::string(port)) <= 65535;
      if (!port.empty() && !numeric) {
        r.add("config/target-port", t.at,
              "target " + t.address + " in job " + quote(j.name) + " has port '" +
                  std::string(port) + "', which is not a port" +
                  (port.find('-') != std::string_view::npos ? " (ranges are not expanded)" : ""),
              "list one host:port per target");
      }
      if (numeric && port == "9090" && is_local(host) &&
          j.name.find("prometheus") == std::string::npos) {
        r.add("config/port-clash", t.at,
              "job " + quote(j.name) + " scrapes " + t.address +
                  ", the port Prometheus itself listens on by default",
              "move the exporter (Caxton: server.metrics_port) or Prometheus "
              "(--web.listen-address) to another port");
      }
    }
  }
  lint_duplicate_targets(in, r);
}

// Whether `label` can be set when target relabelling reaches a rule, given what came before.
struct LabelUniverse {
  bool open = false;  // anything may be set (file_sd, http_sd, labelmap, $ in target_label)
  std::vector<std::string> prefixes;
  std::vector<std::string> names;
  bool has(const std::string& l) const {
    if (open) return true;
    if (std::find(names.begin(), names.end(), l) != names.end()) return true;
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&l](const std::string& p) { return l.rfind(p, 0) == 0; });
  }
};

void check_rule(const Relabel& rel, const LabelUniverse& u, const Job& j,
                const std::vector<std::string>& discoveries, bool metric, bool dot_nl,
                const std::string& file, std::vector<diag::Diagnostic>& out) {
  if (rel.action != "keep" && rel.action != "drop" && rel.action != "replace") return;
  if (rel.source_labels.empty()) return;
  for (const std::string& l : rel.source_labels) {
    if (u.has(l)) return;
  }
  std::string joined;
  for (size_t i = 1; i < rel.source_labels.size(); ++i) joined += rel.separator;
  const promql::detail::LabelRegex& re = compiled_regex(rel.regex, dot_nl);
  if (!re.ok()) return;
  bool match = re.matches(joined);
  std::string labels;
  for (const std::string& l : rel.source_labels) labels += (labels.empty() ? "" : ", ") + l;
  std::string verb = rel.source_labels.size() == 1 ? "is" : "are";
  std::string why = metric ? verb +
                                 " never set on scraped samples (__ labels are gone after "
                                 "target relabelling)"
                           : verb + " never set for this job's targets";
  std::string what;
  if (rel.action == "keep" && !match) {
    what = "keep never matches: " + labels + " " + why + ", so every " +
           (metric ? "sample" : "target") + " of job " + quote(j.name) + " is dropped";
  } else if (rel.action == "drop" && match) {
    what = "drop always matches: " + labels + " " + why + ", so every " +
           (metric ? "sample" : "target") + " of job " + quote(j.name) + " is dropped";
  } else if (rel.action == "replace" && !match) {
    what = "replace never applies: " + labels + " " + why;
  } else {
    return;
  }
  std::string sds;
  for (const std::string& d : discoveries) sds += (sds.empty() ? "" : ", ") + d;
  out.push_back({file, rel.at.line, rel.at.column, 0, 0,
                 info("config/relabel-never-matches").severity, "config/relabel-never-matches",
                 what,
                 metric ? "metric relabelling sees the sample's labels only"
                        : "the job discovers targets with: " + (sds.empty() ? "nothing" : sds)});
}

}  // namespace

void relabel_findings(const Job& j, const JobRelabelling& rel, bool dot_nl, const std::string& file,
                      std::vector<diag::Diagnostic>& out) {
  // Only keep, drop and replace rules with source labels can be reported: most jobs have none,
  // and are spared building the label universe.
  auto checked = [](const Relabel& r) {
    return !r.source_labels.empty() &&
           (r.action == "keep" || r.action == "drop" || r.action == "replace");
  };
  if (std::none_of(rel.relabel.begin(), rel.relabel.end(), checked) &&
      std::none_of(rel.metric_relabel.begin(), rel.metric_relabel.end(), checked)) {
    return;
  }
  {
    LabelUniverse u;
    u.names = {"__address__",        "__scheme__", "__metrics_path__", "__scrape_interval__",
               "__scrape_timeout__", "job",        "instance"};
    u.names.insert(u.names.end(), rel.static_labels.begin(), rel.static_labels.end());
    u.prefixes = {"__param_"};
    for (const std::string& d : rel.discoveries) {
      if (d == "file" || d == "http" || d == "puppetdb") u.open = true;
      u.prefixes.push_back("__meta_" + d + "_");
    }
    // Discoveries whose meta labels do not start with their name.
    for (const std::string& d : rel.discoveries) {
      if (d == "ec2" || d == "lightsail") u.prefixes.push_back("__meta_" + d);
      if (d == "dockerswarm") u.prefixes.push_back("__meta_dockerswarm");
      if (d == "serverset") u.prefixes.push_back("__meta_serverset");
    }
    for (const Relabel& r : rel.relabel) {
      check_rule(r, u, j, rel.discoveries, false, dot_nl, file, out);
      if (r.action == "labelmap" || r.target_label.find('$') != std::string::npos) u.open = true;
      if (!r.target_label.empty()) u.names.push_back(r.target_label);
    }
    LabelUniverse m;
    m.open = false;
    m.prefixes = {};
    for (const Relabel& r : rel.metric_relabel) {
      bool all_internal =
          std::all_of(r.source_labels.begin(), r.source_labels.end(), [&m](const std::string& l) {
            return l.rfind("__", 0) == 0 && l != "__name__" && !m.has(l);
          });
      if (all_internal) check_rule(r, m, j, rel.discoveries, true, dot_nl, file, out);
      if (!r.target_label.empty()) m.names.push_back(r.target_label);
    }
  }
}

namespace {

// Found as each job was validated (relabel_findings), kept if enabled.
// Moved, not copied: a large config can have thousands.
void lint_relabel(const LintInput& in, Reporter& r) {
  std::vector<diag::Diagnostic> findings = std::move(in.model.job_findings);
  in.model.job_findings = {};
  for (diag::Diagnostic& d : findings) {
    if (in.enabled.count(d.check) != 0) r.diags.add(std::move(d));
  }
}

void lint_labeldrop(const LintInput& in, Reporter& r) {
  if (in.rule_files.empty()) return;
  for (const LabelDrop& drop : in.model.label_drops) {
    const Job& j = in.model.jobs[drop.job];
    std::string_view action = drop.keep ? "labelkeep" : "labeldrop";
    const promql::detail::LabelRegex& re = compiled_regex(in.model.regexes[drop.regex], in.dot_nl);
    if (!re.ok()) continue;
    bool reported = false;
    for (const LoadedRuleFile& f : in.rule_files) {
      for (const RuleRef& rule : f.rules) {
        if (!rule.alert || reported) continue;
        if (!rule.jobs.empty() &&
            std::find(rule.jobs.begin(), rule.jobs.end(), j.name) == rule.jobs.end()) {
          continue;
        }
        for (const std::string& l : rule.labels) {
          if (l == "job" || l == "instance") continue;  // target labels, not the sample's
          bool removed = re.matches(l) != drop.keep;
          if (!removed) continue;
          r.add("config/labeldrop-alert-label", drop.at,
                std::string(action) + " in job " + quote(j.name) + " removes label " + l +
                    ", which alert " + rule.name + " uses (" + f.path + ":" +
                    std::to_string(rule.at.line) + ")",
                "keep the label, or change the alert");
          reported = true;
          break;
        }
      }
    }
  }
}

void lint_rate_windows(const LintInput& in, Reporter& r) {
  if (in.rule_files.empty()) return;
  std::unordered_map<std::string_view, const Job*> jobs;
  for (const Job& j : in.model.jobs) jobs.emplace(j.name, &j);
  for (const LoadedRuleFile& f : in.rule_files) {
    for (const RuleRef& rule : f.rules) {
      for (const RateWindow& w : rule.windows) {
        int64_t interval = in.model.scrape_interval_ms;
        std::string whose = "the global scrape interval";
        if (!w.job.empty()) {
          auto it = jobs.find(w.job);
          if (it == jobs.end()) continue;
          interval = in.model.interval_of(*it->second);
          whose = "the scrape interval of job " + quote(w.job);
        }
        if (w.range_ms >= 2 * interval) continue;
        r.add("config/rate-window", rule.at,
              w.function + "() over " + duration_text(w.range_ms) + " in " +
                  (rule.alert ? "alert " : "rule ") + rule.name +
                  " is shorter than two scrapes at " + whose + " (" + duration_text(interval) + ")",
              "use a range of at least " + duration_text(4 * interval), &f.path);
      }
    }
  }
}

// `# caxtool disable NAME` on the finding's line or the line above; `file/disable` anywhere.
void apply_disable_comments(std::string_view text, const std::string& file,
                            diag::Diagnostics& diags) {
  if (text.find("caxtool ") == std::string_view::npos) return;
  std::vector<std::pair<int, std::string>> line_disables;
  std::vector<std::string> file_disables;
  int line = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    std::string_view l =
        text.substr(start, end == std::string_view::npos ? text.npos : end - start);
    for (std::string_view marker : {"# caxtool file/disable ", "# caxtool disable "}) {
      size_t at = l.find(marker);
      if (at == std::string_view::npos) continue;
      std::string_view rest = l.substr(at + marker.size());
      std::string name(rest.substr(0, rest.find_first_of(" \t\r")));
      if (marker.find("file/") != std::string_view::npos) {
        file_disables.push_back(name);
      } else {
        line_disables.emplace_back(line, name);
      }
      break;
    }
    if (end == std::string_view::npos) break;
    start = end + 1;
    ++line;
  }
  auto& items = diags.mutable_items();
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const diag::Diagnostic& d) {
                               if (d.file != file || find_lint(d.check) == nullptr) return false;
                               if (std::find(file_disables.begin(), file_disables.end(), d.check) !=
                                   file_disables.end()) {
                                 return true;
                               }
                               for (const auto& [ln, name] : line_disables) {
                                 if (name == d.check && (ln == d.line || ln == d.line - 1)) {
                                   return true;
                                 }
                               }
                               return false;
                             }),
              items.end());
}

}  // namespace

std::span<const LintInfo> lint_checks() { return kLints; }

const LintInfo* find_lint(std::string_view name) {
  for (const LintInfo& l : kLints) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

void run_lints(const LintInput& in, diag::Diagnostics& diags) {
  if (in.enabled.empty()) return;
  diag::Diagnostics found;
  Reporter r{in, found};
  lint_targets(in, r);
  lint_relabel(in, r);
  lint_labeldrop(in, r);
  lint_rate_windows(in, r);
  apply_disable_comments(in.text, in.file, found);
  diags.append(std::move(found));
}

}  // namespace caxtool::promconfig
