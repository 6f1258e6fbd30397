# OpenMetrics must end with # EOF.
$ caxtool check metrics --input-format openmetrics m.prom
--- file m.prom
# HELP a x
# TYPE a gauge
a 1
--- stdout
m.prom: 1 metric family, 1 sample (OpenMetrics), invalid
--- stderr
m.prom:4:1: error: data does not end with # EOF [exposition/eof]
 4 | 
   | ^
  hint: OpenMetrics ends with a line # EOF; without it the input may be cut short
1 error, 0 warnings
--- exit 1
