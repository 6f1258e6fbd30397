# Duration units must come largest first, as in Prometheus (30m1h is refused).
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
alerts:
  highLatency:
    for: 30m1h
--- stderr
values.yaml:4:10: error: alerts.highLatency.for: expected a Prometheus duration of at most 7d (e.g. 30s, 5m, 1h30m), got 30m1h: units are y, w, d, h, m, s, ms, largest first [values/type]
 4 |     for: 30m1h
   |          ^~~~~
1 error, 0 warnings
--- exit 1
