# an unterminated label value: exit 1, as promtool, with line and column.
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
# TYPE a gauge
a{x="1} 1
--- stdout
m.prom: 0 metric families, 0 samples (Prometheus text), invalid
--- stderr
m.prom:3:5: error: label value "1} 1" contains unescaped new-line [exposition/syntax]
 3 | a{x="1} 1
   |     ^~~~~
  hint: close the value with " and write a newline as \n
1 error, 0 warnings
--- exit 1
