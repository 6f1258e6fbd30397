# Each relabel action needs its fields; regexes are RE2.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: a
    relabel_configs:
      - source_labels: [__address__]
        action: replace
  - job_name: b
    relabel_configs:
      - source_labels: [x]
        regex: '(?=lookahead)'
        action: keep
  - job_name: c
    metric_relabel_configs:
      - source_labels: [x]
        regex: tmp_.*
        action: labeldrop
  - job_name: d
    relabel_configs:
      - action: Keeep
--- stdout
--- stderr
--- exit 1
