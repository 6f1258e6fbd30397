# histogram and summary suffixes and labels on a gauge.
$ caxtool check metrics m.prom
--- file m.prom
# HELP a_count x
# TYPE a_count gauge
a_count{le="1",quantile="0.5"} 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- stderr
m.prom:3:1: warning: a_count: non-histogram and non-summary metrics should not have "_count" suffix [metrics/histogram-summary-reserved]
 3 | a_count{le="1",quantile="0.5"} 1
   | ^~~~~~~
m.prom:3:9: warning: a_count: non-histogram metrics should not have "le" label [metrics/histogram-summary-reserved]
 3 | a_count{le="1",quantile="0.5"} 1
   |         ^~
m.prom:3:16: warning: a_count: non-summary metrics should not have "quantile" label [metrics/histogram-summary-reserved]
 3 | a_count{le="1",quantile="0.5"} 1
   |                ^~~~~~~~
0 errors, 3 warnings
--- exit 3
