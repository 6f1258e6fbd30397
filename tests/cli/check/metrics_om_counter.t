# OpenMetrics (chosen by the final # EOF): counter samples end in _total, values >= 0.
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
# TYPE a counter
a_total -1
# EOF
--- stdout
m.prom: 1 metric family, 1 sample (OpenMetrics), invalid
--- stderr
m.prom:3:9: error: a counter's value must be >= 0, not -1 [exposition/value]
 3 | a_total -1
   |         ^~
1 error, 0 warnings
--- exit 1
