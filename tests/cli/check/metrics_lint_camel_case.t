# camelCase in a metric and a label name.
$ caxtool check metrics m.prom
--- file m.prom
# HELP httpRequests x
# TYPE httpRequests gauge
httpRequests{statusCode="200"} 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- stderr
m.prom:3:1: warning: httpRequests: metric names should be written in 'snake_case' not 'camelCase' [metrics/camel-case]
 3 | httpRequests{statusCode="200"} 1
   | ^~~~~~~~~~~~
m.prom:3:14: warning: httpRequests: label names should be written in 'snake_case' not 'camelCase' [metrics/camel-case]
 3 | httpRequests{statusCode="200"} 1
   |              ^~~~~~~~~~
0 errors, 2 warnings
--- exit 3
