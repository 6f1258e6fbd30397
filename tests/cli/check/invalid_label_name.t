# __name__ may not be set as a rule label.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
        labels:
          __name__: other
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:7:11: error: recording rule "job:up:sum": invalid label name: __name__ [rules/label-name]
 7 |           __name__: other
   |           ^~~~~~~~
1 error, 0 warnings
--- exit 1
