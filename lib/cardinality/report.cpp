// SPDX-License-Identifier: Apache-2.0
// See report.h.
#include "cardinality/report.h"

namespace caxtool::cardinality {

std::string quote_regex(const std::string& literal) {
  std::string out;
  for (char c : literal) {
    if (std::string_view("\\.+*?()|[]{}^$").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

namespace {
// A YAML scalar that never needs thought: single-quoted, quotes doubled.
std::string yq(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}
}  // namespace

std::string drop_metric_yaml(const std::string& metric) {
  return "- source_labels: [__name__]\n  regex: " + yq(quote_regex(metric)) + "\n  action: drop\n";
}

std::string drop_label_from_metric_yaml(const std::string& metric, const std::string& label) {
  // An empty value removes the label from the series; only this metric is touched.
  return "- source_labels: [__name__]\n  regex: " + yq(quote_regex(metric)) +
         "\n  target_label: " + label + "\n  replacement: ''\n";
}

std::string labeldrop_yaml(const std::string& label) {
  return "- action: labeldrop\n  regex: " + yq(quote_regex(label)) + "\n";
}

std::vector<Offender> find_offenders(const Counter& counter, const Budgets& budgets) {
  std::vector<Offender> out;
  if (budgets.max_series != 0 && counter.total_series() > budgets.max_series) {
    out.push_back({"series", "total", counter.total_series(), budgets.max_series, {}});
  }
  if (budgets.max_series_per_metric != 0) {
    for (const MetricStat& m : counter.metrics(0)) {
      if (m.series <= budgets.max_series_per_metric) break;
      out.push_back({"metric", m.name, m.series, budgets.max_series_per_metric, {}});
    }
  }
  std::vector<LabelStat> labels = counter.labels(0);
  if (budgets.max_label_values != 0) {
    for (const LabelStat& l : labels) {
      if (l.values <= budgets.max_label_values) break;
      out.push_back({"label", l.name, l.values, budgets.max_label_values, {}});
    }
  }
  for (const std::string& f : budgets.forbidden) {
    uint64_t values = counter.label_values(f);
    if (values > 0) out.push_back({"forbidden", f, values, 0, {}});
  }
  return out;
}

}  // namespace caxtool::cardinality
