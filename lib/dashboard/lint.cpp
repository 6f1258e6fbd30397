// SPDX-License-Identifier: Apache-2.0
// The registry of dashboard checks and their explanations.
#include "dashboard/lint.h"

#include <algorithm>
#include <array>

namespace caxtool::dashboard {
namespace {

using diag::Severity;

constexpr std::array kLints{
    LintInfo{
        "dashboard/datasource-type", Severity::kError, true, false,
        "a datasource reference names a variable that is not a datasource variable",
        "A panel or query whose datasource is \"$name\" or {\"uid\": \"${name}\"} makes Grafana "
        "look up a datasource by the value of variable `name`. When that variable is a query, "
        "custom or constant variable its values are not datasource uids, and the panel shows "
        "\"Datasource not found\". Point the reference at a variable of type datasource."},
    LintInfo{"dashboard/datasource-variable", Severity::kWarning, true, true,
             "a hard-coded datasource where the dashboard has a datasource variable",
             "The dashboard defines a datasource variable, so a viewer can switch Prometheus "
             "servers; a panel or query that names a datasource uid or name directly ignores the "
             "choice and breaks on any Grafana where that uid does not exist. Use \"${var}\" "
             "(--fix rewrites it). The special datasources (-- Mixed --, -- Dashboard --, "
             "-- Grafana --, expressions) are never reported."},
    LintInfo{"dashboard/deprecated-panel", Severity::kWarning, true, false,
             "a panel type current Grafana no longer renders",
             "graph, singlestat, table-old and the Angular plugins (grafana-piechart-panel, "
             "grafana-worldmap-panel, grafana-singlestat-panel, natel-discrete-panel, ...) were "
             "Angular panels. Grafana 11 turned Angular off by default and Grafana 12 removed it: "
             "the core types are migrated on load (graph to timeseries, singlestat to stat), which "
             "changes their look, and plugin panels show an error. Convert them and save."},
    LintInfo{"dashboard/duplicate-key", Severity::kWarning, true, false,
             "a JSON object has the same key twice",
             "Grafana keeps the last of two equal keys and silently drops the first, so an edit to "
             "the first copy has no effect. Remove one of them."},
    LintInfo{"dashboard/duplicate-uid", Severity::kError, true, false,
             "two dashboards checked together have the same uid",
             "A uid identifies a dashboard in a Grafana instance; provisioning two files with the "
             "same uid makes one overwrite the other, and which one wins depends on file order."},
    LintInfo{"dashboard/editable", Severity::kInfo, false, false,
             "the dashboard is editable in the UI",
             "Dashboards provisioned from git are overwritten on the next deploy, so edits made in "
             "the UI are lost; dashboard-linter's uneditable-dashboard wants \"editable\": false. "
             "Off by default: many teams want to experiment in the UI and export the result."},
    LintInfo{"dashboard/histogram-le", Severity::kWarning, true, false,
             "histogram_quantile over an aggregation that drops le",
             "histogram_quantile() reads the bucket boundaries from the le label of classic "
             "histogram _bucket series. sum by (job) (rate(x_bucket[...])) aggregates le away and "
             "the panel shows nothing. Keep le: sum by (job, le) (...)."},
    LintInfo{"dashboard/job-instance", Severity::kInfo, false, false,
             "a job or instance matcher ignores the dashboard's job or instance variable",
             "When a dashboard has a job (or instance) variable, a selector that matches job "
             "(instance) against a literal value ignores the viewer's choice. Opt-in "
             "(--lint dashboard/job-instance): totals across all instances are often intended."},
    LintInfo{"dashboard/metric-exists", Severity::kError, true, false,
             "a query selects a metric the server does not have (with --url)",
             "With --url every metric name a query selects is looked up with the series API. A "
             "metric that no longer exists (renamed by an exporter upgrade, a recording rule "
             "removed) leaves an empty panel that nobody notices. Names built from variables are "
             "not looked up."},
    LintInfo{"dashboard/multi-value-equals", Severity::kWarning, true, false,
             "a multi-value variable used with = or !=",
             "A variable with multi or includeAll expands to (a|b) when two values are selected, "
             "which only works as a regular expression: job=\"$job\" selects nothing as soon as "
             "a viewer picks a second value. Use =~ (or !~)."},
    LintInfo{
        "dashboard/panel-id", Severity::kWarning, true, false, "two panels have the same id",
        "Panel ids are how links (viewPanel=), -- Dashboard -- queries and library panels find "
        "a panel. Grafana renumbers duplicates on load, so those references point at the wrong "
        "panel. Give every panel, including those inside rows, its own id."},
    LintInfo{"dashboard/panel-overlap", Severity::kInfo, true, false,
             "two panels overlap on the grid, or a panel sticks out of it",
             "gridPos places a panel on a 24-column grid. Overlapping panels are pushed down by "
             "Grafana in an order that depends on the file, and x + w > 24 is clipped. Fix the "
             "positions so the layout is the one you see in the file. Info: generators such as "
             "grafonnet stack panels at y 1, 2, 3 and rely on that push."},
    LintInfo{"dashboard/panel-title", Severity::kInfo, false, false,
             "a panel with queries has no title",
             "A panel without a title cannot be told apart in alerts, links and the panel menu. "
             "Off by default: small stat panels under a row title are a common, fine design."},
    LintInfo{"dashboard/panel-unit", Severity::kInfo, true, true,
             "a time series panel shows a metric whose name states a unit, without a unit",
             "Only reported when every query of the panel selects metrics whose names end in the "
             "same base unit (_seconds, _bytes, ...) and the panel sets no unit, so the axis shows "
             "raw numbers where Grafana could print 1.5 GiB or 200 ms. --fix adds the unit to "
             "fieldConfig.defaults. Ratios (a / b) and rates of counters are judged by the "
             "numerator's name."},
    LintInfo{"dashboard/promql", Severity::kError, true, false, "a Prometheus query does not parse",
             "Every target's expr is parsed as PromQL after Grafana's template variables are "
             "expanded ($var, ${var}, ${var:format}, [[var]], $__rate_interval, ...), using each "
             "variable's values where the JSON has them and a value that fits the spot otherwise. "
             "The error points at the column inside the query."},
    LintInfo{"dashboard/rate-counter", Severity::kInfo, true, false,
             "rate(), irate() or increase() over a metric not named like a counter",
             "These functions assume the series only goes up and treat every drop as a counter "
             "reset; over a gauge they give nonsense. Counters end in _total, _count, _sum or "
             "_bucket; use deriv() or delta() for a gauge. Info, and exporters known to name "
             "counters without _total (mysqld, postgres, node netstat/vmstat) are skipped: the "
             "dashboard author cannot rename those."},
    LintInfo{
        "dashboard/rate-interval", Severity::kInfo, true, true,
        "a rate window is a fixed duration instead of $__rate_interval",
        "A fixed window such as [1m] shows nothing once the panel's step or the scrape interval "
        "grows past it (zoomed out, or a 60s scrape), and hides detail when zoomed in. "
        "$__rate_interval is max(step + scrape interval, 4 x scrape interval). Info: fixed "
        "windows are sometimes deliberate; --fix rewrites rate() and irate() windows under an "
        "hour (not increase(), whose window is the unit of its result)."},
    LintInfo{"dashboard/refresh", Severity::kWarning, true, false,
             "the auto-refresh is shorter than the scrape interval",
             "Refreshing more often than Prometheus scrapes re-runs every query without new data, "
             "loading the server for nothing. Runs only when the scrape interval is known: "
             "--scrape-interval, or dashboard.scrapeInterval in .caxtool.yml."},
    LintInfo{"dashboard/schema-version", Severity::kInfo, true, false,
             "schemaVersion is missing or older than Grafana 8.5",
             "Below schemaVersion 36 datasources are referenced by name and panels may use the "
             "Angular layout; Grafana migrates such dashboards on every load, and the file in git "
             "drifts from what users see. Open it in a current Grafana and save it."},
    LintInfo{"dashboard/time-range", Severity::kInfo, true, false,
             "the default time range is missing or absolute",
             "Without time.from and time.to the dashboard opens on Grafana's default; an absolute "
             "range (2024-01-01T...) shows the same old data forever."},
    LintInfo{"dashboard/title", Severity::kWarning, true, false, "the dashboard has no title",
             "Grafana refuses to save a dashboard without a title, and search finds it by title."},
    LintInfo{
        "dashboard/uid", Severity::kWarning, true, false, "the dashboard has no uid",
        "Without a uid Grafana makes one up on import, so links to the dashboard break on every "
        "re-provisioning and in every other instance."},
    LintInfo{"dashboard/undefined-variable", Severity::kWarning, true, false,
             "a reference to a template variable the dashboard does not define",
             "Grafana leaves $name verbatim when no variable has that name, so the query is sent "
             "with a literal $name in it and returns nothing or an error. Grafana's global "
             "variables ($__interval, $__range, ...) and an exported dashboard's __inputs count as "
             "defined."},
    LintInfo{"dashboard/unused-variable", Severity::kInfo, true, false,
             "a template variable nothing refers to",
             "A variable no query, title, link, repeat or other variable uses still costs a query "
             "on every load (for query variables) and a control on the page."},
    LintInfo{"dashboard/variable-format", Severity::kWarning, true, false,
             "${var:format} names an unknown format",
             "Grafana logs an error and falls back to the glob format, which turns a multi-value "
             "selection into {a,b}: not a valid regular expression. Known formats: csv, "
             "distributed, doublequote, glob, json, lucene, percentencode, pipe, raw, regex, "
             "singlequote, sqlstring, text, queryparam, uriencode, html, date."},
};

}  // namespace

std::span<const LintInfo> lint_checks() { return kLints; }

const LintInfo* find_lint(std::string_view name) {
  for (const LintInfo& l : kLints) {
    if (l.name == name) return &l;
  }
  return nullptr;
}

std::string_view from_dashboard_linter(std::string_view rule) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 10> kMap{{
      {"target-promql-rule", "dashboard/promql"},
      {"target-rate-interval-rule", "dashboard/rate-interval"},
      {"panel-datasource-rule", "dashboard/datasource-variable"},
      {"panel-title-description-rule", "dashboard/panel-title"},
      {"panel-units-rule", "dashboard/panel-unit"},
      {"uneditable-dashboard", "dashboard/editable"},
      {"target-counter-agg-rule", "dashboard/rate-counter"},
      {"target-job-rule", "dashboard/job-instance"},
      {"target-instance-rule", "dashboard/job-instance"},
      {"template-datasource-rule", "dashboard/datasource-type"},
  }};
  for (const auto& [from, to] : kMap) {
    if (from == rule) return to;
  }
  return find_lint(rule) != nullptr ? rule : std::string_view();
}

}  // namespace caxtool::dashboard
