# scrape_timeout above the (inherited) interval, and a job name used twice.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: api
    scrape_timeout: 2m
  - job_name: api
global:
  scrape_interval: 1m
--- stdout
--- stderr
--- exit 1
