# Within every budget: exit 0, with the figures.
$ caxtool cardinality --file metrics.prom --max-series 10
--- file metrics.prom
up{job="x"} 1
up{job="y"} 0
--- stdout
Source: metrics.prom, the series one scrape of it adds
Total series: 2

Metrics by series
METRIC  SERIES  SHARE   LABEL WITH MOST VALUES
up      2       100.0%  job (2 values)

Labels by distinct values
LABEL  VALUES  SERIES
job    2       2

Label pairs by series
PAIR   SERIES
job=x  1
job=y  1
--- exit 0
