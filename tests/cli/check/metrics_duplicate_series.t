# the same series twice: info, so exit 3 only with --fail-on info.
$ caxtool check metrics --fail-on info m.prom
--- file m.prom
# HELP a x
# TYPE a gauge
a{x="1"} 1
a{x="2"} 1
a{x="1"} 2
--- stdout
m.prom: 1 metric family, 3 samples (Prometheus text)
--- stderr
m.prom:5:1: info: metric not unique: a with these labels appeared before [metrics/duplicate-series]
 5 | a{x="1"} 2
   | ^
0 errors, 0 warnings
--- exit 3
