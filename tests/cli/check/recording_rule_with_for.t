# for: belongs to alerts only.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
        for: 5m
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:6:14: error: recording rule "job:up:sum": invalid field 'for' in recording rule [rules/record-field]
 6 |         for: 5m
   |              ^~
1 error, 0 warnings
--- exit 1
