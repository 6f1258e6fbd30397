# The same endpoint in two jobs: every series stored twice.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['host1:9100']
  - job_name: node-exporter
    static_configs:
      - targets: ['host1:9100', 'host2:9100']
--- stdout
--- stderr
--- exit 0
