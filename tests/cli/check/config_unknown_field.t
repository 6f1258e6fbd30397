# An unknown key is rejected where it is written, with the closest known key.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    metric_path: /metrics
    static_configs:
      - targets: ['node1:9100']
--- stdout
--- stderr
--- exit 1
