# a colon in an exporter's metric name.
$ caxtool check metrics m.prom
--- file m.prom
# HELP job:requests x
# TYPE job:requests gauge
job:requests 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- stderr
m.prom:3:1: warning: job:requests: metric names should not contain ':' [metrics/reserved-chars]
 3 | job:requests 1
   | ^~~~~~~~~~~~
0 errors, 1 warning
--- exit 3
