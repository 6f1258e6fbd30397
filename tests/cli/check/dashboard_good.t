# A well-kept dashboard: datasource variable, $__rate_interval, units, job variable used with =~.
$ caxtool check dashboard good.json
--- file good.json
{
  "uid": "svc-overview",
  "title": "Service overview",
  "schemaVersion": 39,
  "editable": false,
  "time": {"from": "now-6h", "to": "now"},
  "refresh": "1m",
  "templating": {
    "list": [
      {"name": "datasource", "type": "datasource", "query": "prometheus"},
      {"name": "job", "type": "query", "multi": true, "includeAll": true, "allValue": ".+",
       "datasource": {"type": "prometheus", "uid": "${datasource}"},
       "query": {"query": "label_values(up, job)", "refId": "A"}}
    ]
  },
  "panels": [
    {"id": 1, "type": "timeseries", "title": "Request latency p99",
     "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
     "datasource": {"type": "prometheus", "uid": "${datasource}"},
     "fieldConfig": {"defaults": {"unit": "s"}, "overrides": []},
     "targets": [{"refId": "A",
       "expr": "histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job=~\"$job\"}[$__rate_interval])))"}]},
    {"id": 2, "type": "stat", "title": "Requests",
     "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
     "datasource": {"type": "prometheus", "uid": "${datasource}"},
     "targets": [{"refId": "A", "expr": "sum(rate(http_requests_total{job=~\"$job\"}[$__rate_interval]))"}]}
  ]
}
--- stdout
good.json: 1 dashboard, 2 panels, 2 Prometheus queries
--- exit 0
