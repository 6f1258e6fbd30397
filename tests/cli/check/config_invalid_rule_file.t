# The rule files are checked as check rules checks them; their errors fail the config.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
rule_files: [rules.yml]
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Broken
        expr: rate(http_requests_total[5m]
--- stdout
prometheus.yml: 0 scrape configs, 1 rule file, invalid
--- stderr
rules.yml:4:16: warning: alert "Broken" has neither a summary nor a description annotation [alerts/annotations]
 4 |       - alert: Broken
   |                ^~~~~~
  hint: add annotations: {summary: ..., description: ...}
rules.yml:4:16: info: alert "Broken" has no for: and fires on the first evaluation over its threshold [alerts/for]
 4 |       - alert: Broken
   |                ^~~~~~
  hint: add for: 5m (or for: 0s if firing at once is intended)
rules.yml:5:43: error: alert "Broken": invalid PromQL: unclosed left parenthesis [rules/promql]
 5 |         expr: rate(http_requests_total[5m]
   |                                           ^
1 error, 1 warning
--- exit 1
