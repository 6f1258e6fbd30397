# interval: 0s and a negative limit pass promtool but cannot work.
$ caxtool check rules --lint group/interval rules.yml
--- file rules.yml
groups:
  - name: g
    interval: 0s
    limit: -1
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:3:15: error: group "g" has interval 0s [group/interval]
 3 |     interval: 0s
   |               ^~
  hint: remove interval: to use the global one
rules.yml:4:12: error: group "g" has a negative limit -1 [group/interval]
 4 |     limit: -1
   |            ^~
  hint: limit: 0 means no limit
2 errors, 0 warnings
--- exit 1
