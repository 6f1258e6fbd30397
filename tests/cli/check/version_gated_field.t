# query_offset needs Prometheus 2.53: an error when checking for 2.42, fine for 3.0.
$ caxtool check rules --lint none --prometheus-version 2.42 rules.yml
--- file rules.yml
groups:
  - name: g
    query_offset: 1m
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:3:5: error: field query_offset needs Prometheus 2.53 or later (checking for 2.42) [rules/syntax]
 3 |     query_offset: 1m
   |     ^~~~~~~~~~~~
  hint: set --prometheus-version to the version you run
1 error, 0 warnings
--- exit 1
