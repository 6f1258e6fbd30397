# The HTTP API's envelope and the old rows layout: panels nested in rows are linted, and
# pointers say where they are.
$ caxtool check dashboard api.json
--- file api.json
{
  "meta": {"slug": "old"},
  "overwrite": true,
  "dashboard": {
    "uid": "old", "title": "Old rows", "schemaVersion": 14,
    "time": {"from": "now-1h", "to": "now"},
    "rows": [
      {"title": "r", "panels": [
        {"id": 1, "type": "graph", "title": "g", "span": 12,
         "targets": [{"expr": "rate(x_total[5m]"}]}
      ]}
    ]
  }
}
--- stdout
api.json: 1 dashboard, 1 panel, 1 Prometheus query
--- stderr
api.json:5:57: info: /dashboard/schemaVersion: schemaVersion 14 predates Grafana 8.5 (36) [dashboard/schema-version]
 5 |     "uid": "old", "title": "Old rows", "schemaVersion": 14,
   |                                                         ^~
  hint: open the dashboard in a current Grafana and save it
api.json:9:27: warning: /dashboard/rows/0/panels/0/type: panel "g" is a graph panel, which current Grafana no longer renders [dashboard/deprecated-panel]
 9 |         {"id": 1, "type": "graph", "title": "g", "span": 12,
   |                           ^~~~~~~
  hint: convert it to timeseries
api.json:10:48: error: /dashboard/rows/0/panels/0/targets/0/expr: unclosed left parenthesis [dashboard/promql]
 10 |          "targets": [{"expr": "rate(x_total[5m]"}]}
    |                                                ^
1 error, 1 warning
--- exit 1
