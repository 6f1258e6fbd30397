# A scrape timeout longer than the scrape interval is refused, as Prometheus would.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
scrape:
  interval: 15s
  timeout: 20s
--- stderr
values.yaml:4:12: error: scrape.timeout 20s is longer than scrape.interval 15s [values/conflict]
 4 |   timeout: 20s
   |            ^~~
  hint: Prometheus rejects a scrape_timeout greater than scrape_interval
1 error, 0 warnings
--- exit 1
