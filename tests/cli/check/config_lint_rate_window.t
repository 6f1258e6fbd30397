# rate() over 1m of a job scraped every minute sees one sample most of the time.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
global:
  scrape_interval: 15s
rule_files: [rules.yml]
scrape_configs:
  - job_name: batch
    scrape_interval: 1m
    static_configs:
      - targets: ['batch:9100']
--- file rules.yml
groups:
  - name: batch
    rules:
      - record: job:batch_items:rate1m
        expr: sum(rate(batch_items_total{job="batch"}[1m]))
      - record: job:items:rate1m
        expr: sum(rate(items_total[1m]))
--- stdout
--- stderr
--- exit 0
