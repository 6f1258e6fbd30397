# no HELP: promtool's 'no help text', exit 3.
$ caxtool check metrics m.prom
--- file m.prom
# TYPE a gauge
a 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- stderr
m.prom:2:1: warning: a: no help text [metrics/help]
 2 | a 1
   | ^
0 errors, 1 warning
--- exit 3
