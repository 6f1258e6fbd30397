# promql fmt prints canonical PromQL: grouping before the body, matchers sorted, spacing normalised.
$ caxtool promql fmt "sum(rate(x{b=\"1\",a=~\"x\"}[5m]))by(job)"
--- stdout
sum by (job) (rate(x{a=~"x",b="1"}[5m]))
--- exit 0
