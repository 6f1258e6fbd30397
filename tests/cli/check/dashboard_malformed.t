# Malformed JSON is a diagnostic at its position, never a crash; a duplicate key is a warning.
$ caxtool check dashboard a.json b.json
--- file a.json
{
  "uid": "u1",
  "title": "Broken",
  "panels": [
    {"id": 1,}
  ]
}
--- file b.json
{"uid": "u2", "title": "Dup", "title": "Dup again", "schemaVersion": 39,
 "time": {"from": "now-1h", "to": "now"}}
--- stdout
a.json: 0 dashboards, 0 panels, 0 Prometheus queries
b.json: 1 dashboard, 0 panels, 0 Prometheus queries
--- stderr
a.json:5:14: error: malformed JSON: unexpected '}', expected a key [dashboard/json]
 5 |     {"id": 1,}
   |              ^
b.json:1:31: warning: /: key "title" appears twice [dashboard/duplicate-key]
 1 | {"uid": "u2", "title": "Dup", "title": "Dup again", "schemaVersion": 39,
   |                               ^
  hint: Grafana keeps the last one; remove the other
1 error, 1 warning
--- exit 1
