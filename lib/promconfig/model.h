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

// What the lints read of one job. Kept small, because a config may have 10,000 of them: what
// only the validation of the job needs (its relabelling, discoveries and static labels) is in
// JobRelabelling and is dropped with the job's YAML.
struct Job {
  std::string name;
  yaml::Mark at;
  int64_t interval_ms = 0;  // 0: the global one
  int64_t timeout_ms = 0;   // 0: min(global timeout, interval)
  yaml::Mark timeout_at;
  std::string metrics_path = "/metrics";
  std::vector<Target> targets;  // static_configs
};

// One job's relabelling while it is validated (config/relabel-never-matches reads it).
struct JobRelabelling {
  std::vector<std::string> static_labels;  // label names set by static_configs
  std::vector<std::string> discoveries;    // "dns", "kubernetes", ...; "static" for static_configs
  std::vector<Relabel> relabel, metric_relabel;
};

// A labeldrop or labelkeep of a job's metric relabelling: all config/labeldrop-alert-label
// needs. The regex is an index into Model::regexes, which holds each distinct one once.
struct LabelDrop {
  uint32_t job = 0;  // index into Model::jobs
  uint32_t regex = 0;
  yaml::Mark at;
  bool keep = false;  // labelkeep
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
  std::vector<LabelDrop> label_drops;
  std::vector<std::string> regexes;            // LabelDrop::regex
  std::vector<diag::Diagnostic> job_findings;  // see relabel_findings()

  // Configs repeat a few regexes in every job: the recent ones are looked up (a bounded scan, so
  // 10,000 distinct ones stay linear); a miss only costs a copy.
  uint32_t intern_regex(const std::string& re) {
    size_t stop = regexes.size() > 64 ? regexes.size() - 64 : 0;
    for (size_t i = regexes.size(); i-- > stop;) {
      if (regexes[i] == re) return static_cast<uint32_t>(i);
    }
    regexes.push_back(re);
    return static_cast<uint32_t>(regexes.size() - 1);
  }

  int64_t global_timeout_ms() const {
    if (scrape_timeout_ms != 0) return scrape_timeout_ms;
    return scrape_interval_ms < 10'000 ? scrape_interval_ms : 10'000;
  }
  int64_t interval_of(const Job& j) const {
    return j.interval_ms != 0 ? j.interval_ms : scrape_interval_ms;
  }
};

}  // namespace caxtool::promconfig
