# A PromQL syntax error points into the expression, not at the expr key.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sum
        expr: sum(up{job="a"} by (job)
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:5:31: error: recording rule "job:up:sum": invalid PromQL: unexpected <by> in aggregation [rules/promql]
 5 |         expr: sum(up{job="a"} by (job)
   |                               ^~
1 error, 0 warnings
--- exit 1
