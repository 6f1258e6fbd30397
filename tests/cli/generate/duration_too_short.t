# A scrape interval of 0s is below the 1s minimum.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
scrape:
  interval: 0s
--- stderr
values.yaml:3:13: error: scrape.interval: expected a Prometheus duration of at least 1s (e.g. 30s, 5m, 1h30m), got 0s: too short [values/type]
 3 |   interval: 0s
   |             ^~
1 error, 0 warnings
--- exit 1
