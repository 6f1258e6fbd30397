# for: takes a Prometheus duration.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Down
        expr: up == 0
        for: 5 minutes
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:6:14: error: for: not a valid duration string: "5 minutes" [rules/syntax]
 6 |         for: 5 minutes
   |              ^~~~~~~~~
  hint: durations are like 30s, 5m, 1h30m: units y, w, d, h, m, s, ms, largest first
1 error, 0 warnings
--- exit 1
