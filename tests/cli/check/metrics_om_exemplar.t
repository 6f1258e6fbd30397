# exemplars only on counter _total and histogram _bucket.
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
# TYPE a gauge
a 1 # {trace_id="x"} 1
# EOF
--- stdout
m.prom: 1 metric family, 1 sample (OpenMetrics), invalid
--- stderr
m.prom:3:4: error: exemplars are allowed only on counter _total and histogram _bucket samples [exposition/exemplar]
 3 | a 1 # {trace_id="x"} 1
   |    ^~~~~~~~~~~~~~~~~~~
1 error, 0 warnings
--- exit 1
