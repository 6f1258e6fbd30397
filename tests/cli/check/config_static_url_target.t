# A URL is not a target: promtool runs static targets through relabelling and rejects it.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: web
    relabel_configs:
      - source_labels: [__address__]
        target_label: __param_target
    static_configs:
      - targets: ['http://web:8080/metrics']
--- stdout
prometheus.yml: 1 scrape config, 0 rule files, invalid
--- stderr
prometheus.yml:7:19: error: instance 0 in group 0: "http://web:8080/metrics" is not a valid hostname [config/invalid]
 7 |       - targets: ['http://web:8080/metrics']
   |                   ^
  hint: a target is host:port; relabelling left a URL in __address__
1 error, 0 warnings
--- exit 1
