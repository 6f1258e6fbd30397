# A rule may be a recording rule or an alert, not both.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sum
        alert: Up
        expr: sum by (job) (up)
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:5:16: error: alert "Up": only one of 'record' and 'alert' must be set [rules/record-and-alert]
 5 |         alert: Up
   |                ^~
1 error, 0 warnings
--- exit 1
