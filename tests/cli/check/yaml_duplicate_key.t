# Duplicate keys are errors, as in Prometheus's YAML loader.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Down
        expr: up == 0
        expr: up == 1
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:6:9: error: duplicate key "expr", first defined at line 5 [yaml/duplicate-key]
 6 |         expr: up == 1
   |         ^~~~
1 error, 0 warnings
--- exit 1
