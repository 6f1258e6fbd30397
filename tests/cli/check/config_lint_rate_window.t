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
prometheus.yml: 1 scrape config, 1 rule file
--- stderr
rules.yml:5:15: warning: rate() over 1m in rule job:batch_items:rate1m is shorter than two scrapes at the scrape interval of job "batch" (1m) [config/rate-window]
 5 |         expr: sum(rate(batch_items_total{job="batch"}[1m]))
   |               ^
  hint: use a range of at least 4m
0 errors, 1 warning
--- exit 0
