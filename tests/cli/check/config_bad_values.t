# Durations, booleans, sizes and limits are read as Prometheus reads them.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: a
    scrape_interval: 1.5m
  - job_name: b
    honor_labels: "true"
  - job_name: c
    body_size_limit: 1000
  - job_name: d
    sample_limit: -1
--- stdout
prometheus.yml: 0 scrape configs, 0 rule files, invalid
--- stderr
prometheus.yml:3:22: error: not a valid duration string: "1.5m" [config/duration]
 3 |     scrape_interval: 1.5m
   |                      ^
  hint: a duration is digits and units y w d h m s ms, largest first, e.g. 1m30s
prometheus.yml:5:19: error: cannot unmarshal !!str `true` into bool [config/type]
 5 |     honor_labels: "true"
   |                   ^
prometheus.yml:7:22: error: units: unknown unit in 1000 [config/size]
 7 |     body_size_limit: 1000
   |                      ^
  hint: a size needs a unit: B, KB, MB, GB, TB, PB, EB (1024-based), e.g. 512MB
prometheus.yml:9:19: error: cannot unmarshal !!int `-1` into uint [config/type]
 9 |     sample_limit: -1
   |                   ^
4 errors, 0 warnings
--- exit 1
