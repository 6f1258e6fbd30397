# Kubernetes meta labels in a job that discovers through DNS: the keep drops every target.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: svc
    dns_sd_configs:
      - names: [_prometheus._tcp.svc.example.com]
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
        regex: "true"
        action: keep
    metric_relabel_configs:
      - source_labels: [__meta_dns_name]
        regex: (.+)
        target_label: srv
--- stdout
--- stderr
--- exit 0
