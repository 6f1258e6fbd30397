# Alerts without summary/description and without for:.
$ caxtool check rules --lint alerts/annotations,alerts/for rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: ErrorsHigh
        expr: rate(errors_total[5m]) > 1
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:4:16: warning: alert "ErrorsHigh" has neither a summary nor a description annotation [alerts/annotations]
 4 |       - alert: ErrorsHigh
   |                ^~~~~~~~~~
  hint: add annotations: {summary: ..., description: ...}
rules.yml:4:16: info: alert "ErrorsHigh" has no for: and fires on the first evaluation over its threshold [alerts/for]
 4 |       - alert: ErrorsHigh
   |                ^~~~~~~~~~
  hint: add for: 5m (or for: 0s if firing at once is intended)
0 errors, 1 warning
--- exit 0
