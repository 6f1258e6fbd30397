# Group names are unique in a file.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
  - name: g
    rules:
      - record: job:up:count
        expr: count by (job) (up)
--- stdout
rules.yml: 2 rules in 2 groups, invalid
--- stderr
rules.yml:6:11: error: group name "g" is repeated in the same file (first at line 2) [rules/group-name]
 6 |   - name: g
   |           ^
1 error, 0 warnings
--- exit 1
