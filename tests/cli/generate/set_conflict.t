# A --set that makes a conflict between keys is reported against that --set (exit 1).
$ caxtool generate --dry-run --set scrape.timeout=1m
--- stderr
error: --set scrape.timeout=1m: scrape.timeout 1m is longer than scrape.interval 15s [values/conflict]
  hint: Prometheus rejects a scrape_timeout greater than scrape_interval
1 error, 0 warnings
--- exit 1
