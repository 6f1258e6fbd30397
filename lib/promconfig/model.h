// SPDX-License-Identifier: Apache-2.0
// What the lint checks need to know of a prometheus.yml once it is validated: the jobs, their
// intervals, targets and relabelling, and the rule files. Kept instead of the YAML tree, so a
// 10,000-job config is checked one job at a time without holding the whole document.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "diag/diagnostic.h"
#include "yaml/node.h"

namespace caxtool::promconfig {

struct Relabel {
  yaml::Mark at;
  std::string action = "replace";  // lower-cased
  std::vector<std::string> source_labels;
  std::string separator = ";";
  std::string regex = "(.*)";
  yaml::Mark regex_at;
  std::string target_label;
  std::string replacement = "$1";
};

struct Target {
  std::string address;
  yaml::Mark at;
};

struct Job {
  std::string name;
  yaml::Mark at;
  int64_t interval_ms = 0;  // 0: the global one
  int64_t timeout_ms = 0;   // 0: min(global timeout, interval)
  yaml::Mark timeout_at;
  std::string metrics_path = "/metrics";
  std::vector<Target> targets;             // static_configs
  std::vector<std::string> static_labels;  // label names set by static_configs
  std::vector<std::string> discoveries;    // "dns", "kubernetes", ...; "static" for static_configs
  // Target relabelling is dropped once the job is validated; of metric relabelling only the
  // labeldrop and labelkeep rules stay (config/labeldrop-alert-label).
  std::vector<Relabel> relabel, metric_relabel;
};

struct RuleFilePattern {
  std::string pattern;
  yaml::Mark at;
};

struct Model {
  int64_t scrape_interval_ms = 60'000;
  int64_t scrape_timeout_ms = 0;  // 0: unset (min(10s, interval))
  int64_t evaluation_interval_ms = 60'000;
  std::vector<Job> jobs;
  std::vector<RuleFilePattern> rule_files;
  std::vector<Relabel> alert_relabel;
  std::vector<diag::Diagnostic> job_findings;  // see relabel_findings()

  int64_t global_timeout_ms() const {
    if (scrape_timeout_ms != 0) return scrape_timeout_ms;
    return scrape_interval_ms < 10'000 ? scrape_interval_ms : 10'000;
  }
  int64_t interval_of(const Job& j) const {
    return j.interval_ms != 0 ? j.interval_ms : scrape_interval_ms;
  }
};

}  // namespace caxtool::promconfig
