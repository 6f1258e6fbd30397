# a blank after the value makes expfmt read an empty timestamp.
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
# TYPE a gauge
a 1 
--- stdout
m.prom: 0 metric families, 0 samples (Prometheus text), invalid
--- stderr
m.prom:3:5: error: expected integer as timestamp, got "" [exposition/value]
 3 | a 1 
   |     ^
  hint: remove the blanks after the value
1 error, 0 warnings
--- exit 1
