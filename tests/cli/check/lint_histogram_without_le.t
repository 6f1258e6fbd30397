# histogram_quantile over an aggregation without le: a lint error.
$ caxtool check rules --lint promql/histogram-le rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:latency:p95
        expr: histogram_quantile(0.95, sum by (job) (rate(latency_seconds_bucket[5m])))
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:5:40: error: sum by drops the le label, so histogram_quantile() has no buckets to read [promql/histogram-le]
 5 |         expr: histogram_quantile(0.95, sum by (job) (rate(latency_seconds_bucket[5m])))
   |                                        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: add le to by (...)
1 error, 0 warnings
--- exit 1
