# the type in the name.
$ caxtool check metrics m.prom
--- file m.prom
# HELP requests_gauge x
# TYPE requests_gauge gauge
requests_gauge 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- stderr
m.prom:3:1: warning: requests_gauge: metric name should not include type 'gauge' [metrics/type-in-name]
 3 | requests_gauge 1
   | ^~~~~~~~~~~~~~
0 errors, 1 warning
--- exit 3
