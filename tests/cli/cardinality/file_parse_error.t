# An exposition that does not parse: where, and exit 3.
$ caxtool cardinality --file metrics.prom
--- file metrics.prom
up{job="x" 1
--- stderr
caxtool: metrics.prom:1:12: expected ',' or '}' after the value of label "job" (`caxtool check metrics` says more)
--- exit 3
