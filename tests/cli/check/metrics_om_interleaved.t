# OpenMetrics families must not interleave.
$ caxtool check metrics m.prom
--- file m.prom
# TYPE a gauge
a 1
# TYPE b gauge
b 1
a 2
# EOF
--- stdout
m.prom: 3 metric families, 3 samples (OpenMetrics), invalid
--- stderr
m.prom:2:1: warning: a: no help text [metrics/help]
 2 | a 1
   | ^
m.prom:4:1: warning: b: no help text [metrics/help]
 4 | b 1
   | ^
m.prom:5:1: error: metric family "a" appears again: families must not interleave [exposition/grouping]
 5 | a 2
   | ^
  hint: write all metadata and samples of a family together
m.prom:5:1: info: metric not unique: a with these labels appeared before [metrics/duplicate-series]
 5 | a 2
   | ^
m.prom:5:1: warning: a: no help text [metrics/help]
 5 | a 2
   | ^
1 error, 3 warnings
--- exit 1
