# --lint none: the parser's verdict alone.
$ caxtool check metrics --lint none m.prom
--- file m.prom
# TYPE fooBar counter
fooBar 1
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- exit 0
