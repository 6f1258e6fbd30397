# metric relabelling drops a label an alert groups by and prints.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
rule_files: [alerts.yml]
scrape_configs:
  - job_name: api
    static_configs:
      - targets: ['api:8080']
    metric_relabel_configs:
      - action: labeldrop
        regex: pod|container
--- file alerts.yml
groups:
  - name: api
    rules:
      - alert: ApiErrors
        expr: sum by (pod) (rate(http_errors_total{job="api"}[5m])) > 1
        annotations:
          summary: "errors on {{ $labels.pod }}"
--- stdout
prometheus.yml: 1 scrape config, 1 rule file
--- stderr
alerts.yml:4:16: warning: alert "ApiErrors" has no description annotation [alerts/annotations]
 4 |       - alert: ApiErrors
   |                ^~~~~~~~~
  hint: add annotations: {summary: ..., description: ...}
alerts.yml:4:16: info: alert "ApiErrors" has no for: and fires on the first evaluation over its threshold [alerts/for]
 4 |       - alert: ApiErrors
   |                ^~~~~~~~~
  hint: add for: 5m (or for: 0s if firing at once is intended)
prometheus.yml:7:9: warning: labeldrop in job "api" removes label pod, which alert ApiErrors uses (alerts.yml:5) [config/labeldrop-alert-label]
 7 |       - action: labeldrop
   |         ^
  hint: keep the label, or change the alert
0 errors, 2 warnings
--- exit 0
