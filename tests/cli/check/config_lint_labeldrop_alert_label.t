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
--- stderr
--- exit 0
