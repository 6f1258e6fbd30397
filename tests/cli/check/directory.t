# A directory is checked file by file, in order.
$ caxtool check rules --lint none dir
--- file dir/a.yml
groups:
  - name: a
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
--- file dir/sub/b.yaml
groups:
  - name: b
    rules:
      - record: job:up:count
        expr: count(up
--- file dir/notes.txt
not a rule file
--- stdout
dir/a.yml: 1 rule in 1 group
dir/sub/b.yaml: 1 rule in 1 group, invalid
--- stderr
dir/sub/b.yaml:5:23: error: recording rule "job:up:count": invalid PromQL: unclosed left parenthesis [rules/promql]
 5 |         expr: count(up
   |                       ^
1 error, 0 warnings
--- exit 1
