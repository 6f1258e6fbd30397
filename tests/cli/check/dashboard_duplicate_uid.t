# Two dashboards checked together with the same uid: one would overwrite the other.
$ caxtool check dashboard a.json dir
--- file a.json
{"uid": "same", "title": "A", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"}}
--- file dir/b.json
{"uid": "same", "title": "B", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"}}
--- file dir/notes.txt
not a dashboard: only *.json files of a directory are read
--- stdout
a.json: 1 dashboard, 0 panels, 0 Prometheus queries
dir/b.json: 1 dashboard, 0 panels, 0 Prometheus queries
--- stderr
dir/b.json:1:9: error: /uid: uid "same" is also the uid of a.json:1 [dashboard/duplicate-uid]
 1 | {"uid": "same", "title": "B", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"}}
   |         ^~~~~~
  hint: give every dashboard its own uid
1 error, 0 warnings
--- exit 1
