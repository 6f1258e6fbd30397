# An unknown key is rejected where it is written, with the closest known key.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    metric_path: /metrics
    static_configs:
      - targets: ['node1:9100']
--- stdout
prometheus.yml: 0 scrape configs, 0 rule files, invalid
--- stderr
prometheus.yml:3:5: error: field metric_path not found in type config.ScrapeConfig [config/unknown-field]
 3 |     metric_path: /metrics
   |     ^
  hint: did you mean 'metrics_path'?
1 error, 0 warnings
--- exit 1
