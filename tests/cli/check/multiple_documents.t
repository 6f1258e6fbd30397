# Every YAML document is checked, but Prometheus reads only the first, so later ones only warn.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: a
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
---
groups:
  - name: b
    rules:
      - record: job:up:count
        expr: count by (job) (up
--- stdout
rules.yml: 2 rules in 2 groups
--- stderr
rules.yml:7:1: warning: Prometheus reads only the first YAML document of a rule file; the rest is ignored [rules/multiple-documents]
 7 | groups:
   | ^
  hint: put each group list in a file of its own
rules.yml:11:33: warning: recording rule "job:up:count": invalid PromQL: unclosed left parenthesis (in a later YAML document, which Prometheus ignores) [rules/promql]
 11 |         expr: count by (job) (up
    |                                 ^
0 errors, 2 warnings
--- exit 0
