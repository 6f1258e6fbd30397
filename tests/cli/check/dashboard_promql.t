# A query that does not parse: the error points at the column inside the expr string, after
# the variables were expanded; the message starts with the JSON pointer of the value.
$ caxtool check dashboard d.json
--- file d.json
{
  "uid": "u1", "title": "PromQL", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
  "templating": {"list": [{"name": "job", "type": "custom", "query": "api,web"}]},
  "panels": [
    {"id": 1, "type": "stat", "title": "ok",
     "targets": [{"expr": "sum by (job) (rate(x_total{job=\"$job\"}[$__rate_interval])) > ${job:raw}_threshold"}]},
    {"id": 2, "type": "stat", "title": "bad",
     "targets": [{"expr": "sum(rate(x_total{job=\"$job\"}[$__rate_interval]) by (job)"},
                 {"expr": "rate(x_total[$__rate_interval]) +* 2"}]}
  ]
}
--- stdout
d.json: 1 dashboard, 2 panels, 3 Prometheus queries
--- stderr
d.json:8:78: error: /panels/1/targets/0/expr: unexpected <by> in aggregation [dashboard/promql]
 8 |      "targets": [{"expr": "sum(rate(x_total{job=\"$job\"}[$__rate_interval]) by (job)"},
   |                                                                              ^~
d.json:9:61: error: /panels/1/targets/1/expr: unexpected <op:*> [dashboard/promql]
 9 |                  {"expr": "rate(x_total[$__rate_interval]) +* 2"}]}
   |                                                             ^
2 errors, 0 warnings
--- exit 1
