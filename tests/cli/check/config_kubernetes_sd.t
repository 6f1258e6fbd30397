# Kubernetes SD is accepted as upstream accepts it (Debian's promtool is built without it);
# its own rules still apply.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: pods
    kubernetes_sd_configs:
      - role: pod
        namespaces: {names: [default]}
    relabel_configs:
      - source_labels: [__meta_kubernetes_pod_annotation_prometheus_io_scrape]
        regex: "true"
        action: keep
  - job_name: broken
    kubernetes_sd_configs:
      - role: pods
--- stdout
prometheus.yml: 1 scrape config, 0 rule files, invalid
--- stderr
prometheus.yml:12:15: error: unknown Kubernetes SD role "pods" [config/invalid]
 12 |       - role: pods
    |               ^
1 error, 0 warnings
--- exit 1
