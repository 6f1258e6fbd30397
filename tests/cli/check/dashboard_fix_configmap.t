# --fix inside a ConfigMap edits the YAML file in place: in a literal block (|) and in a one-line
# double-quoted string, whose escapes are stepped over.
$ caxtool check dashboard --fix cm.yaml
--- file cm.yaml
apiVersion: v1
kind: ConfigMap
data:
  a.json: |
    {"uid": "a", "title": "A", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
     "templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus"}]},
     "panels": [{"id": 1, "type": "stat", "title": "p", "datasource": {"type": "prometheus", "uid": "abc"},
       "targets": [{"expr": "sum(rate(x_total{a=\"b\"}[5m]))"}]}]}
  b.json: "{\"uid\": \"b\", \"title\": \"B\", \"schemaVersion\": 39, \"time\": {\"from\": \"now-1h\", \"to\": \"now\"}, \"panels\": [{\"id\": 1, \"type\": \"stat\", \"title\": \"p\", \"targets\": [{\"expr\": \"rate(y_total[1m])\"}]}]}"
--- after-cmd cat cm.yaml
--- stdout
cm.yaml: 2 dashboards, 2 panels, 2 Prometheus queries
cm.yaml: fixed /panels/0/datasource/uid: "abc" -> "${ds}" [dashboard/datasource-variable]
cm.yaml: fixed /panels/0/targets/0/expr: [5m] -> [$__rate_interval] [dashboard/rate-interval]
cm.yaml: fixed /panels/0/targets/0/expr: [1m] -> [$__rate_interval] [dashboard/rate-interval]
--- exit 0
--- after
apiVersion: v1
kind: ConfigMap
data:
  a.json: |
    {"uid": "a", "title": "A", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
     "templating": {"list": [{"name": "ds", "type": "datasource", "query": "prometheus"}]},
     "panels": [{"id": 1, "type": "stat", "title": "p", "datasource": {"type": "prometheus", "uid": "${ds}"},
       "targets": [{"expr": "sum(rate(x_total{a=\"b\"}[$__rate_interval]))"}]}]}
  b.json: "{\"uid\": \"b\", \"title\": \"B\", \"schemaVersion\": 39, \"time\": {\"from\": \"now-1h\", \"to\": \"now\"}, \"panels\": [{\"id\": 1, \"type\": \"stat\", \"title\": \"p\", \"targets\": [{\"expr\": \"rate(y_total[$__rate_interval])\"}]}]}"
