# Durations, booleans, sizes and limits are read as Prometheus reads them.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: a
    scrape_interval: 1.5m
  - job_name: b
    honor_labels: "true"
  - job_name: c
    body_size_limit: 1000
  - job_name: d
    sample_limit: -1
--- stdout
--- stderr
--- exit 1
