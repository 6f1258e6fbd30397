# The same key is fine for the release that knows it.
$ caxtool check config --prometheus-version 3.0 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    scrape_protocols: [PrometheusText0.0.4]
    static_configs:
      - targets: ['node1:9100']
--- stdout
prometheus.yml: 1 scrape config, 0 rule files
--- exit 0
