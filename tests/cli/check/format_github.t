# Findings as GitHub annotations.
$ caxtool --format github check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sum
        expr: sum(up
--- stdout
::error file=rules.yml,line=5,col=21,endLine=5,endColumn=21,title=rules/promql::recording rule "job:up:sum": invalid PromQL: unclosed left parenthesis
--- exit 1
