# Findings as JSON on stdout.
$ caxtool --format json check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sum
        expr: sum(up
--- stdout
{
  "diagnostics": [
    {"file": "rules.yml", "line": 5, "column": 21, "end_line": 5, "end_column": 21, "severity": "error", "check": "rules/promql", "message": "recording rule \"job:up:sum\": invalid PromQL: unclosed left parenthesis", "hint": ""}
  ],
  "summary": {"errors": 1, "warnings": 0, "infos": 0}
}
--- exit 1
