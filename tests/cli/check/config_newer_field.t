# A key a later release added is unknown to the release chosen, and says when it arrived.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    scrape_protocols: [PrometheusText0.0.4]
    static_configs:
      - targets: ['node1:9100']
--- stdout
--- stderr
--- exit 1
