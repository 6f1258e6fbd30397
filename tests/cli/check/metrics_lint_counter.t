# a counter without _total, a gauge with it.
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
# TYPE a counter
a 1
# HELP b_total x
# TYPE b_total gauge
b_total 1
--- stdout
m.prom: 2 metric families, 2 samples (Prometheus text)
--- stderr
m.prom:3:1: warning: a: counter metrics should have "_total" suffix [metrics/counter]
 3 | a 1
   | ^
m.prom:6:1: warning: b_total: non-counter metrics should not have "_total" suffix [metrics/counter]
 6 | b_total 1
   | ^~~~~~~
0 errors, 2 warnings
--- exit 3
