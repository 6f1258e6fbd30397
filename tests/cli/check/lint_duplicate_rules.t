# promtool's duplicate-rules lint: a warning, exit 0.
$ caxtool check rules --lint duplicate-rules rules.yml
--- file rules.yml
groups:
  - name: a
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
  - name: b
    rules:
      - record: job:up:sum
        expr: sum by (job) (up{env="prod"})
--- stdout
rules.yml: 2 rules in 2 groups
--- stderr
rules.yml:8:17: warning: rule "job:up:sum" has the same name and labels as the rule at line 4 [duplicate-rules]
 8 |       - record: job:up:sum
   |                 ^
  hint: give one of them a distinguishing label, or remove it
0 errors, 1 warning
--- exit 0
