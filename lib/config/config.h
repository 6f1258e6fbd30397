// SPDX-License-Identifier: Apache-2.0
// .caxtool.yml: per-repository settings for checks, so a team writes its choices once instead of
// in every CI job. Flags on the command line override it.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.h"

namespace caxtool::config {

struct RulesConfig {
  std::optional<std::string> prometheus_version;
  std::optional<std::string> scrape_interval;
  std::optional<std::vector<std::string>> lint;  // the checks to run; unset: all
  std::vector<std::string> disable;              // checks never to run
  std::optional<std::vector<std::string>> forbidden_labels;
};

struct CardinalityConfig {
  std::optional<uint64_t> max_series;
  std::optional<uint64_t> max_series_per_metric;
  std::optional<uint64_t> max_label_values;
  std::optional<std::vector<std::string>> forbidden_labels;
};

// A dashboard finding to drop; see dashboard::Exclusion.
struct DashboardExclusion {
  std::string check, dashboard, panel, file;
  std::optional<int> target;
};

struct DashboardConfig {
  std::optional<std::string> scrape_interval;
  std::optional<std::vector<std::string>> lint;
  std::vector<std::string> disable;
  std::vector<DashboardExclusion> exclude;
};

// check collector: what its flags say, for every run in the repository.
struct CollectorConfig {
  std::optional<std::string> collector_version;  // "0.140"
  std::optional<std::string> distribution;       // "core" or "contrib"
  std::optional<std::vector<std::string>> lint;
  std::vector<std::string> disable;
  std::optional<std::vector<std::string>> feature_gates;
};

struct Config {
  RulesConfig rules;
  CardinalityConfig cardinality;
  DashboardConfig dashboard;
  CollectorConfig collector;
};

struct LoadResult {
  Config config;
  diag::Diagnostics diagnostics;
  bool ok() const { return !diagnostics.has_at_least(diag::Severity::kError); }
};

// The documented layout:
//   rules:
//     prometheusVersion: "2.42"
//     scrapeInterval: 30s
//     lint: [promql/histogram-le, ...]   # default: all
//     disable: [record/name]
//     forbiddenLabels: [conversation_id, request_id]
//   dashboard:
//     scrapeInterval: 30s
//     lint: [dashboard/promql, ...]      # default: the checks on by default
//     disable: [dashboard/panel-unit]
//     exclude:
//       - {check: dashboard/rate-interval, dashboard: UID-or-title, panel: title-or-id}
//   collector:
//     collectorVersion: "0.140"
//     distribution: core                 # or contrib (the default)
//     lint: [collector/unused, ...]      # default: all
//     disable: [collector/batch-order]
//     featureGates: [service.profilesSupport]
//   cardinality:
//     maxSeries: 100000
//     maxSeriesPerMetric: 10000
//     maxLabelValues: 1000
//     forbiddenLabels: [conversation_id]
LoadResult load_config(std::string_view text, const std::string& file);

}  // namespace caxtool::config
