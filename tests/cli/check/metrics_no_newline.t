# the last line must end with a newline (promtool: unexpected end of input stream).
$ caxtool check metrics m.prom
--- file m.prom
# HELP a x
# TYPE a gauge
a 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- exit 0
