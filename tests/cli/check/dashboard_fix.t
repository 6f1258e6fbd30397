# --fix rewrites rate windows, a hard-coded datasource and a unit the metric name states,
# editing only those bytes (key order, indentation and the rest stay), and prints each change;
# what it cannot fix is still reported.
$ caxtool check dashboard --fix d.json
--- file d.json
{
  "uid": "u1",
  "title": "Fix",
  "schemaVersion": 39,
  "time": { "from": "now-1h", "to": "now" },
  "templating": { "list": [ { "name": "ds", "type": "datasource", "query": "prometheus" } ] },
  "panels": [
    {
      "id": 1,
      "type": "timeseries",
      "title": "Memory",
      "datasource": { "type": "prometheus", "uid": "abc123" },
      "fieldConfig": {
        "defaults": {
          "color": { "mode": "palette-classic" }
        },
        "overrides": []
      },
      "targets": [
        { "expr": "sum(rate(x_bytes_total[5m]))", "refId": "A" },
        { "expr": "sum(rate(y_bytes_total[$__interval]))", "refId": "B" }
      ]
    },
    {
      "id": 2,
      "type": "graph",
      "title": "Old",
      "targets": [ { "expr": "up", "refId": "A" } ]
    }
  ]
}
--- after-cmd cat d.json
--- stdout
d.json: 1 dashboard, 2 panels, 3 Prometheus queries
d.json: fixed /panels/0/datasource/uid: "abc123" -> "${ds}" [dashboard/datasource-variable]
d.json: fixed /panels/0/fieldConfig/defaults: unit "Bps" [dashboard/panel-unit]
d.json: fixed /panels/0/targets/0/expr: [5m] -> [$__rate_interval] [dashboard/rate-interval]
d.json: fixed /panels/0/targets/1/expr: [$__interval] -> [$__rate_interval] [dashboard/rate-interval]
--- stderr
d.json:27:15: warning: /panels/1/type: panel "Old" is a graph panel, which current Grafana no longer renders [dashboard/deprecated-panel]
 27 |       "type": "graph",
    |               ^~~~~~~
  hint: convert it to timeseries
0 errors, 1 warning
--- exit 0
--- after
{
  "uid": "u1",
  "title": "Fix",
  "schemaVersion": 39,
  "time": { "from": "now-1h", "to": "now" },
  "templating": { "list": [ { "name": "ds", "type": "datasource", "query": "prometheus" } ] },
  "panels": [
    {
      "id": 1,
      "type": "timeseries",
      "title": "Memory",
      "datasource": { "type": "prometheus", "uid": "${ds}" },
      "fieldConfig": {
        "defaults": {
          "unit": "Bps",
          "color": { "mode": "palette-classic" }
        },
        "overrides": []
      },
      "targets": [
        { "expr": "sum(rate(x_bytes_total[$__rate_interval]))", "refId": "A" },
        { "expr": "sum(rate(y_bytes_total[$__rate_interval]))", "refId": "B" }
      ]
    },
    {
      "id": 2,
      "type": "graph",
      "title": "Old",
      "targets": [ { "expr": "up", "refId": "A" } ]
    }
  ]
}
