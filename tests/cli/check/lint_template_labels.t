# An annotation reading a label the aggregation removed.
$ caxtool check rules --lint alerts/template-labels rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: ErrorsHigh
        expr: sum by (job) (rate(errors_total[5m])) > 1
        annotations:
          summary: "errors on {{ $labels.instance }}"
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:7:34: warning: annotation "summary" of alert "ErrorsHigh" reads label instance, which the expression's result never has (it keeps only job) [alerts/template-labels]
 7 |           summary: "errors on {{ $labels.instance }}"
   |                                  ^~~~~~~~~~~~~~~~
  hint: add instance to the aggregation's by (...), or drop it here
0 errors, 1 warning
--- exit 0
