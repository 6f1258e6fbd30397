# non-base units.
$ caxtool check metrics m.prom
--- file m.prom
# HELP latency_milliseconds x
# TYPE latency_milliseconds gauge
latency_milliseconds 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- stderr
m.prom:3:1: warning: latency_milliseconds: use base unit "seconds" instead of "milliseconds" [metrics/units]
 3 | latency_milliseconds 1
   | ^~~~~~~~~~~~~~~~~~~~
0 errors, 1 warning
--- exit 3
