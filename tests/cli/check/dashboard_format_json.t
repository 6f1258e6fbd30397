# Findings in the JSON format of CLI.md: the pointer leads the message.
$ caxtool --format json check dashboard d.json
--- file d.json
{"uid": "u1", "title": "J", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
 "panels": [{"id": 1, "type": "stat", "title": "p", "targets": [{"expr": "up{"}]}]}
--- stdout
{
  "diagnostics": [
    {"file": "d.json", "line": 2, "column": 78, "end_line": 0, "end_column": 0, "severity": "error", "check": "dashboard/promql", "message": "/panels/0/targets/0/expr: unexpected end of input inside braces", "hint": ""}
  ],
  "summary": {"errors": 1, "warnings": 0, "infos": 0}
}
--- exit 1
