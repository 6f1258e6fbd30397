# Exclusions: .caxtool.yml per check, dashboard and panel; dashboard-linter's .lint beside the
# dashboards with its rule names.
$ caxtool check dashboard --fail-on info dash
--- file .caxtool.yml
dashboard:
  disable: [dashboard/schema-version]
  exclude:
    - {check: dashboard/deprecated-panel, dashboard: u1, panel: Legacy}
--- file dash/.lint
exclusions:
  target-rate-interval-rule:
    reason: a fixed window is wanted here
    entries:
      - dashboard: Excluded
        panel: Fixed
        targetIdx: 0
  template-job-rule:
--- file dash/d.json
{
  "uid": "u1", "title": "Excluded", "schemaVersion": 20, "time": {"from": "now-1h", "to": "now"},
  "panels": [
    {"id": 1, "type": "graph", "title": "Legacy", "targets": [{"expr": "up"}]},
    {"id": 2, "type": "graph", "title": "Other", "targets": [{"expr": "up"}]},
    {"id": 3, "type": "stat", "title": "Fixed",
     "targets": [{"expr": "rate(a_total[5m])"}, {"expr": "rate(b_total[5m])"}]}
  ]
}
--- stdout
dash/d.json: 1 dashboard, 3 panels, 4 Prometheus queries
--- stderr
dash/d.json:5:23: warning: /panels/1/type: panel "Other" is a graph panel, which current Grafana no longer renders [dashboard/deprecated-panel]
 5 |     {"id": 2, "type": "graph", "title": "Other", "targets": [{"expr": "up"}]},
   |                       ^~~~~~~
  hint: convert it to timeseries
dash/d.json:7:72: info: /panels/2/targets/1/expr: rate() over [5m] instead of [$__rate_interval] [dashboard/rate-interval]
 7 |      "targets": [{"expr": "rate(a_total[5m])"}, {"expr": "rate(b_total[5m])"}]}
   |                                                                        ^~
  hint: a fixed window goes blank when the step or the scrape interval outgrows it
0 errors, 1 warning
--- exit 1
