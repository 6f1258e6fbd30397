# Recording rule names are metric names (before Prometheus 3.0: the legacy character set).
$ caxtool check rules --lint none --prometheus-version 2.42 rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job-up-sum
        expr: sum by (job) (up)
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:4:17: error: recording rule "job-up-sum": invalid recording rule name: job-up-sum [rules/record-name]
 4 |       - record: job-up-sum
   |                 ^~~~~~~~~~
  hint: recording rule names are metric names: [a-zA-Z_:][a-zA-Z0-9_:]*
1 error, 0 warnings
--- exit 1
