# A duration that Prometheus would not parse is rejected, naming the units.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
scrape:
  interval: 15 seconds
--- stderr
values.yaml:3:13: error: scrape.interval: expected a Prometheus duration of at least 1s (e.g. 30s, 5m, 1h30m), got "15 seconds": units are y, w, d, h, m, s, ms, largest first [values/type]
 3 |   interval: 15 seconds
   |             ^~~~~~~~~~
1 error, 0 warnings
--- exit 1
