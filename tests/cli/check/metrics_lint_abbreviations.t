# an abbreviated unit.
$ caxtool check metrics m.prom
--- file m.prom
# HELP latency_ms x
# TYPE latency_ms gauge
latency_ms 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- stderr
m.prom:3:1: warning: latency_ms: metric names should not contain abbreviated units [metrics/unit-abbreviations]
 3 | latency_ms 1
   | ^~~~~~~~~~
0 errors, 1 warning
--- exit 3
