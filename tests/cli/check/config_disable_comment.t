# `# caxtool disable NAME` above a line silences that finding there.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['host1:9100']
  - job_name: node-again
    static_configs:
      # caxtool disable config/duplicate-target
      - targets: ['host1:9100']
--- stdout
prometheus.yml: 2 scrape configs, 0 rule files
--- exit 0
