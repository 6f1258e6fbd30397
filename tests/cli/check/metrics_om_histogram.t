# OpenMetrics histogram: _count must equal the +Inf bucket.
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
# TYPE a histogram
a_bucket{le="1"} 1
a_bucket{le="+Inf"} 2
a_count 3
a_sum 1
# EOF
--- stdout
m.prom: 1 metric family, 4 samples (OpenMetrics), invalid
--- stderr
m.prom:6:1: error: _count is not equal to the le="+Inf" bucket [exposition/histogram]
 6 | a_sum 1
   | ^~~~~~~
1 error, 0 warnings
--- exit 1
