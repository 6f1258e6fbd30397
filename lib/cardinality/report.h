// SPDX-License-Identifier: Apache-2.0
// What `caxtool cardinality` finds, whatever the source: the largest metrics and labels, the
// budgets they break, and for each offender a metric_relabel_configs fix with the number of
// series it would remove.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cardinality/counter.h"

namespace caxtool::cardinality {

struct Budgets {
  uint64_t max_series = 0;  // 0: no budget
  uint64_t max_series_per_metric = 0;
  uint64_t max_label_values = 0;
  std::vector<std::string> forbidden;  // label names that must never appear
  bool any() const {
    return max_series != 0 || max_series_per_metric != 0 || max_label_values != 0 ||
           !forbidden.empty();
  }
};

struct Fix {
  std::string summary;    // "drop label path from http_requests_total"
  std::string yaml;       // metric_relabel_configs entries, indented as list items
  uint64_t removes = 0;   // series that would go
  bool computed = false;  // false: the source could not tell (summary says why)
};

struct Offender {
  std::string kind;  // series, metric, label, forbidden
  std::string name;
  uint64_t value = 0;   // series, or distinct values
  uint64_t budget = 0;  // 0 for forbidden
  Fix fix;
};

struct Report {
  std::string source;  // what was read: a URL, a file, a block
  std::string scope;   // what the figures cover ("the head block", "series matching {job="x"}")
  uint64_t total_series = 0;
  std::vector<MetricStat> metrics;
  std::vector<LabelStat> labels;
  std::vector<NameCount> label_pairs;
  std::vector<Offender> offenders;
  std::vector<std::string> notes;
};

// The offenders of `budgets` among what `counter` saw (every metric and label, not only the top).
std::vector<Offender> find_offenders(const Counter& counter, const Budgets& budgets);

// The relabel rules, as YAML list items under metric_relabel_configs.
std::string drop_metric_yaml(const std::string& metric);
std::string drop_label_from_metric_yaml(const std::string& metric, const std::string& label);
std::string labeldrop_yaml(const std::string& label);

// Go regexp (RE2) quoting of a literal, for `regex:` fields.
std::string quote_regex(const std::string& literal);

}  // namespace caxtool::cardinality
