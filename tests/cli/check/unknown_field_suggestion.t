# An unknown key in a rule is an error (Prometheus loads strictly), with a suggestion.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Down
        expr: up == 0
        anotations:
          summary: down
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:6:9: error: unknown field "anotations" in rule [rules/syntax]
 6 |         anotations:
   |         ^~~~~~~~~~
  hint: did you mean "annotations"?
1 error, 0 warnings
--- exit 1
