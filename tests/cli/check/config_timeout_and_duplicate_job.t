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
prometheus.yml: 2 scrape configs, 0 rule files, invalid
--- stderr
prometheus.yml:3:21: error: scrape timeout greater than scrape interval for scrape config with job name "api" [config/invalid]
 3 |     scrape_timeout: 2m
   |                     ^
prometheus.yml:4:15: error: found multiple scrape configs with job name "api" [config/invalid]
 4 |   - job_name: api
   |               ^
  hint: first defined at line 2
2 errors, 0 warnings
--- exit 1
