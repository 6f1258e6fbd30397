# $value in a label makes a new alert every evaluation.
$ caxtool check rules --lint labels/value-template rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: ErrorsHigh
        expr: rate(errors_total[5m]) > 1
        labels:
          current: "{{ $value }}"
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:7:20: error: label "current" of alert "ErrorsHigh" uses the alert's value, so every evaluation makes a new alert [labels/value-template]
 7 |           current: "{{ $value }}"
   |                    ^~~~~~~~~~~~~~
  hint: move it into an annotation
1 error, 0 warnings
--- exit 1
