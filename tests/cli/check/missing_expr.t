# A rule needs an expression.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Nothing
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:4:9: error: alert "Nothing": field 'expr' must be set in rule [rules/no-expr]
 4 |       - alert: Nothing
   |         ^
1 error, 0 warnings
--- exit 1
