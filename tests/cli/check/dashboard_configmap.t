# A Kubernetes ConfigMap holding dashboards as YAML literal blocks: positions point into the
# YAML file, inside the embedded JSON.
$ caxtool check dashboard cm.yaml
--- file cm.yaml
apiVersion: v1
kind: ConfigMap
metadata:
  name: dashboards
data:
  svc.json: |
    {
      "uid": "svc", "title": "Svc", "schemaVersion": 39,
      "time": {"from": "now-1h", "to": "now"},
      "panels": [
        {"id": 1, "type": "stat", "title": "p",
         "targets": [{"expr": "sum(rate(x_total{job=\"$job\"}[$__rate_interval])"}]}
      ]
    }
--- stdout
cm.yaml: 1 dashboard, 1 panel, 1 Prometheus query
--- stderr
cm.yaml:12:55: warning: /panels/0/targets/0/expr: variable "job" is not defined by the dashboard [dashboard/undefined-variable]
 12 |          "targets": [{"expr": "sum(rate(x_total{job=\"$job\"}[$__rate_interval])"}]}
    |                                                       ^~~~
  hint: Grafana sends $job verbatim; define the variable or fix the name
cm.yaml:12:81: error: /panels/0/targets/0/expr: unclosed left parenthesis [dashboard/promql]
 12 |          "targets": [{"expr": "sum(rate(x_total{job=\"$job\"}[$__rate_interval])"}]}
    |                                                                                 ^
1 error, 1 warning
--- exit 1
