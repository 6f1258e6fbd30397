# Type errors found after parsing are reported with the argument's range.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:errors:rate5m
        expr: rate(errors_total)
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:5:20: error: recording rule "job:errors:rate5m": invalid PromQL: expected type range vector in call to function "rate", got instant vector [rules/promql]
 5 |         expr: rate(errors_total)
   |                    ^~~~~~~~~~~~
1 error, 0 warnings
--- exit 1
