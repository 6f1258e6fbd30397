# label values know only the escapes \\, \" and \n: \t is promtool's "invalid escape sequence".
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
# TYPE a gauge
a{x="a\tb"} 1
--- stdout
m.prom: 0 metric families, 0 samples (Prometheus text), invalid
--- stderr
m.prom:3:7: error: invalid escape sequence '\t' [exposition/syntax]
 3 | a{x="a\tb"} 1
   |       ^~
  hint: label values know only \\, \" and \n
1 error, 0 warnings
--- exit 1
