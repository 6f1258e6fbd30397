# Every problem in one file is reported in one run, in file order, with one summary line.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  servce: caxton
scrape:
  interval: soon
prometheus:
  listenPort: 0
--- stderr
values.yaml:3:3: error: unknown key "servce" in identity [values/unknown-key]
 3 |   servce: caxton
   |   ^~~~~~
  hint: did you mean "service"?
values.yaml:5:13: error: scrape.interval: expected a Prometheus duration of at least 1s (e.g. 30s, 5m, 1h30m), got soon: units are y, w, d, h, m, s, ms, largest first [values/type]
 5 |   interval: soon
   |             ^~~~
values.yaml:7:15: error: prometheus.listenPort: expected a port number (1-65535), got 0: out of range [values/type]
 7 |   listenPort: 0
   |               ^
3 errors, 0 warnings
--- exit 1
