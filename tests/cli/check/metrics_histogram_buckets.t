# unsorted buckets without +Inf: info in Prometheus text (promtool accepts them), exit 0.
$ caxtool check metrics m.prom
--- file m.prom
# HELP h x
# TYPE h histogram
h_bucket{le="2"} 1
h_bucket{le="1"} 1
h_count 1
h_sum 1
--- stdout
m.prom: 1 metric family, 4 samples (Prometheus text)
--- stderr
m.prom:4:10: info: h: bucket le="1" is not above the previous bucket's le [metrics/histogram-buckets]
 4 | h_bucket{le="1"} 1
   |          ^~
m.prom:6:1: info: h: histogram has no le="+Inf" bucket [metrics/histogram-buckets]
 6 | h_sum 1
   | ^
0 errors, 0 warnings
--- exit 0
