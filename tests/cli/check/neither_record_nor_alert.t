# A rule needs record or alert.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - expr: up
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:4:9: error: rule 1: one of 'record' or 'alert' must be set [rules/no-name]
 4 |       - expr: up
   |         ^
1 error, 0 warnings
--- exit 1
