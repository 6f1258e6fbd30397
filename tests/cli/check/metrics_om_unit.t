# a UNIT must be the name's suffix.
$ caxtool check metrics m.prom
--- file m.prom
# TYPE a gauge
# UNIT a seconds
a 1
# EOF
--- stdout
m.prom: 1 metric family, 1 sample (OpenMetrics), invalid
--- stderr
m.prom:2:10: error: unit "seconds" not a suffix of metric "a" [exposition/metadata]
 2 | # UNIT a seconds
   |          ^~~~~~~
  hint: name the family a_seconds
m.prom:3:1: warning: a: no help text [metrics/help]
 3 | a 1
   | ^
1 error, 1 warning
--- exit 1
