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
prometheus.yml: 2 scrape configs, 0 rule files
--- stderr
prometheus.yml:7:19: warning: target host1:9100/metrics is also scraped by job "node" (line 2) [config/duplicate-target]
 7 |       - targets: ['host1:9100', 'host2:9100']
   |                   ^
  hint: scrape each endpoint from one job; duplicates store every series twice
0 errors, 1 warning
--- exit 0
