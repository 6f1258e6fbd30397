# Findings in the GitHub annotation format of CLI.md: the pointer leads the message.
$ caxtool --format github check dashboard d.json
--- file d.json
{"uid": "u1", "title": "J", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
 "panels": [{"id": 1, "type": "stat", "title": "p", "targets": [{"expr": "up{"}]}]}
--- stdout
::error file=d.json,line=2,col=78,title=dashboard/promql::/panels/0/targets/0/expr: unexpected end of input inside braces
--- exit 1
