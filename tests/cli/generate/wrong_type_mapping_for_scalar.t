# A mapping where a scalar (a duration) belongs is a type error at the mapping.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
scrape:
  interval:
    seconds: 15
--- stderr
values.yaml:3:3: error: scrape.interval: expected a Prometheus duration of at least 1s (e.g. 30s, 5m, 1h30m), got a mapping [values/type]
 3 |   interval:
   |   ^~~~~~~~
1 error, 0 warnings
--- exit 1
