// SPDX-License-Identifier: Apache-2.0
// A small strict reader: unknown keys and wrong types are errors at their line, as everywhere
// else in caxtool, so a typo in the config never silently turns a check off.
#include "config/config.h"

#include <charconv>

#include "util/strings.h"
#include "yaml/node.h"

namespace caxtool::config {
namespace {

class Reader {
 public:
  Reader(const std::string& file, diag::Diagnostics& diags) : file_(file), diags_(diags) {}

  void root(const yaml::Node& n, Config& c) {
    if (n.is_null()) return;
    if (!n.is_mapping()) return error(n, "the configuration must be a mapping");
    for (size_t i = 0; i < n.entry_count(); ++i) {
      if (n.key(i).value == "rules") {
        rules(n.val(i), c.rules);
      } else if (n.key(i).value == "cardinality") {
        cardinality(n.val(i), c.cardinality);
      } else if (n.key(i).value == "dashboard") {
        dashboard(n.val(i), c.dashboard);
      } else if (n.key(i).value == "collector") {
        collector(n.val(i), c.collector);
      } else {
        unknown(n.key(i), {"rules", "cardinality", "dashboard", "collector"});
      }
    }
  }

 private:
  void rules(const yaml::Node& n, RulesConfig& r) {
    if (n.is_null()) return;
    if (!n.is_mapping()) return error(n, "rules must be a mapping");
    for (size_t i = 0; i < n.entry_count(); ++i) {
      const std::string& k = n.key(i).value;
      const yaml::Node& v = n.val(i);
      if (k == "prometheusVersion") {
        r.prometheus_version = scalar(v, k);
      } else if (k == "scrapeInterval") {
        r.scrape_interval = scalar(v, k);
      } else if (k == "lint") {
        r.lint = list(v, k);
      } else if (k == "disable") {
        r.disable = list(v, k);
      } else if (k == "forbiddenLabels") {
        r.forbidden_labels = list(v, k);
      } else {
        unknown(n.key(i),
                {"prometheusVersion", "scrapeInterval", "lint", "disable", "forbiddenLabels"});
      }
    }
  }

  void cardinality(const yaml::Node& n, CardinalityConfig& c) {
    if (n.is_null()) return;
    if (!n.is_mapping()) return error(n, "cardinality must be a mapping");
    for (size_t i = 0; i < n.entry_count(); ++i) {
      const std::string& k = n.key(i).value;
      const yaml::Node& v = n.val(i);
      if (k == "maxSeries") {
        c.max_series = count(v, k);
      } else if (k == "maxSeriesPerMetric") {
        c.max_series_per_metric = count(v, k);
      } else if (k == "maxLabelValues") {
        c.max_label_values = count(v, k);
      } else if (k == "forbiddenLabels") {
        c.forbidden_labels = list(v, k);
      } else {
        unknown(n.key(i), {"maxSeries", "maxSeriesPerMetric", "maxLabelValues", "forbiddenLabels"});
      }
    }
  }

  void dashboard(const yaml::Node& n, DashboardConfig& d) {
    if (n.is_null()) return;
    if (!n.is_mapping()) return error(n, "dashboard must be a mapping");
    for (size_t i = 0; i < n.entry_count(); ++i) {
      const std::string& k = n.key(i).value;
      const yaml::Node& v = n.val(i);
      if (k == "scrapeInterval") {
        d.scrape_interval = scalar(v, k);
      } else if (k == "lint") {
        d.lint = list(v, k);
      } else if (k == "disable") {
        d.disable = list(v, k);
      } else if (k == "exclude" && v.is_sequence()) {
        for (const yaml::Node& e : v.children) d.exclude.push_back(exclusion(e));
      } else if (k == "exclude") {
        error(v, "exclude must be a list");
      } else {
        unknown(n.key(i), {"scrapeInterval", "lint", "disable", "exclude"});
      }
    }
  }

  void collector(const yaml::Node& n, CollectorConfig& c) {
    if (n.is_null()) return;
    if (!n.is_mapping()) return error(n, "collector must be a mapping");
    for (size_t i = 0; i < n.entry_count(); ++i) {
      const std::string& k = n.key(i).value;
      const yaml::Node& v = n.val(i);
      if (k == "collectorVersion") {
        c.collector_version = scalar(v, k);
      } else if (k == "distribution") {
        c.distribution = scalar(v, k);
        if (*c.distribution != "core" && *c.distribution != "contrib") {
          error(v, "distribution must be core or contrib");
        }
      } else if (k == "lint") {
        c.lint = list(v, k);
      } else if (k == "disable") {
        c.disable = list(v, k);
      } else if (k == "featureGates") {
        c.feature_gates = list(v, k);
      } else {
        unknown(n.key(i), {"collectorVersion", "distribution", "lint", "disable", "featureGates"});
      }
    }
  }

  DashboardExclusion exclusion(const yaml::Node& n) {
    DashboardExclusion e;
    if (!n.is_mapping()) {
      error(n, "exclude items must be mappings");
      return e;
    }
    for (size_t i = 0; i < n.entry_count(); ++i) {
      const std::string& k = n.key(i).value;
      const yaml::Node& v = n.val(i);
      if (k == "check") {
        e.check = scalar(v, k);
      } else if (k == "dashboard") {
        e.dashboard = scalar(v, k);
      } else if (k == "panel") {
        e.panel = scalar(v, k);
      } else if (k == "file") {
        e.file = scalar(v, k);
      } else if (k == "target") {
        int t = -1;
        auto [p, ec] = std::from_chars(v.value.data(), v.value.data() + v.value.size(), t);
        if (!v.is_scalar() || ec != std::errc() || p != v.value.data() + v.value.size() || t < 0) {
          error(v, "target must be a target index (0, 1, ...)");
        }
        e.target = t;
      } else {
        unknown(n.key(i), {"check", "dashboard", "panel", "file", "target"});
      }
    }
    return e;
  }

  // A positive integer, as a budget is.
  uint64_t count(const yaml::Node& v, const std::string& key) {
    uint64_t out = 0;
    const std::string& s = v.value;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    if (!v.is_scalar() || s.empty() || ec != std::errc() || p != s.data() + s.size() || out == 0) {
      error(v, key + " must be a positive integer");
    }
    return out;
  }

  std::string scalar(const yaml::Node& v, const std::string& key) {
    if (!v.is_scalar() || v.is_null()) error(v, key + " must be a string");
    return v.value;
  }

  std::vector<std::string> list(const yaml::Node& v, const std::string& key) {
    std::vector<std::string> out;
    if (v.is_null()) return out;
    if (!v.is_sequence()) {
      error(v, key + " must be a list");
      return out;
    }
    for (const yaml::Node& item : v.children) {
      if (!item.is_scalar() || item.is_null()) {
        error(item, key + " items must be strings");
        continue;
      }
      out.push_back(item.value);
    }
    return out;
  }

  void unknown(const yaml::Node& k, std::initializer_list<std::string_view> known) {
    std::vector<std::string_view> names(known);
    std::string guess = util::closest_match(k.value, names);
    diag::Diagnostic d = make(k, "unknown key \"" + k.value + "\"");
    if (!guess.empty()) d.hint = "did you mean \"" + guess + "\"?";
    diags_.add(std::move(d));
  }

  diag::Diagnostic make(const yaml::Node& n, std::string message) {
    diag::Diagnostic d;
    d.file = file_;
    d.line = n.start.line;
    d.column = n.start.column;
    d.end_line = n.end.line;
    d.end_column = n.end.column;
    d.check = "config";
    d.message = std::move(message);
    return d;
  }

  void error(const yaml::Node& n, std::string message) { diags_.add(make(n, std::move(message))); }

  const std::string& file_;
  diag::Diagnostics& diags_;
};

}  // namespace

LoadResult load_config(std::string_view text, const std::string& file) {
  LoadResult out;
  yaml::ParseResult parsed = yaml::parse(text, file);
  out.diagnostics.append(parsed.diagnostics);
  if (!parsed.ok() || parsed.documents.empty() || parsed.documents[0].empty) return out;
  Reader(file, out.diagnostics).root(parsed.documents[0].root, out.config);
  return out;
}

}  // namespace caxtool::config
