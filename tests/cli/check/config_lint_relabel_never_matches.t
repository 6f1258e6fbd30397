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
prometheus.yml: 1 scrape config, 0 rule files
--- stderr
prometheus.yml:6:9: warning: keep never matches: __meta_kubernetes_pod_annotation_prometheus_io_scrape is never set for this job's targets, so every target of job "svc" is dropped [config/relabel-never-matches]
 6 |       - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
   |         ^
  hint: the job discovers targets with: dns
prometheus.yml:10:9: warning: replace never applies: __meta_dns_name is never set on scraped samples (__ labels are gone after target relabelling) [config/relabel-never-matches]
 10 |       - source_labels: [__meta_dns_name]
    |         ^
  hint: metric relabelling sees the sample's labels only
0 errors, 2 warnings
--- exit 0
