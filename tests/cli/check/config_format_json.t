# --format json: one document with every finding.
$ caxtool --format json check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    scrape_interval: 30
    static_configs:
      - targets: ['localhost:9090']
--- stdout
--- stderr
--- exit 1
