# A key a later release added is unknown to the release chosen, and says when it arrived.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    scrape_protocols: [PrometheusText0.0.4]
    static_configs:
      - targets: ['node1:9100']
--- stdout
prometheus.yml: 0 scrape configs, 0 rule files, invalid
--- stderr
prometheus.yml:3:5: error: field scrape_protocols not found in type config.ScrapeConfig [config/unknown-field]
 3 |     scrape_protocols: [PrometheusText0.0.4]
   |     ^
  hint: it was added in Prometheus 2.49; see --prometheus-version
1 error, 0 warnings
--- exit 1
