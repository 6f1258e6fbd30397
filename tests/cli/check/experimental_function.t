# Experimental functions need the feature flag, as in Prometheus.
$ caxtool check rules --lint none --prometheus-version 3.5 rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sorted
        expr: sort_by_label(up, "job")
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:5:15: error: recording rule "job:up:sorted": invalid PromQL: function "sort_by_label" is not enabled [rules/promql]
 5 |         expr: sort_by_label(up, "job")
   |               ^~~~~~~~~~~~~
  hint: experimental: pass --enable-feature promql-experimental-functions here and to Prometheus
1 error, 0 warnings
--- exit 1
