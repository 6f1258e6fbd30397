# An error inside a literal block scalar is located on its own line.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: TooManyErrors
        expr: |
          sum(rate(errors_total[5m]))
            / on() group_left
          sum(rate(requests_total[5m])) > 0.1 +
        for: 5m
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:8:48: error: alert "TooManyErrors": invalid PromQL: unexpected end of input [rules/promql]
 8 |           sum(rate(requests_total[5m])) > 0.1 +
   |                                                ^
1 error, 0 warnings
--- exit 1
