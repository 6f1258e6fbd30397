# a TYPE after the samples is promtool's 'second TYPE line' error.
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
a 1
# TYPE a gauge
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text), invalid
--- stderr
m.prom:3:3: error: second TYPE line for metric name "a", or TYPE reported after samples [exposition/metadata]
 3 | # TYPE a gauge
   |   ^~~~~~~
  hint: put the TYPE line once, before the family's first sample
1 error, 0 warnings
--- exit 1
