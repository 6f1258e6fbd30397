# A URL is not a target: promtool runs static targets through relabelling and rejects it.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: web
    relabel_configs:
      - source_labels: [__address__]
        target_label: __param_target
    static_configs:
      - targets: ['http://web:8080/metrics']
--- stdout
--- stderr
--- exit 1
