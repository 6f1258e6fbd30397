# A GrafanaDashboard resource in JSON whose spec.json is a JSON string: escapes are stepped over
# so the column is the one in the file.
$ caxtool check dashboard gd.json
--- file gd.json
{"apiVersion": "grafana.integreatly.org/v1beta1", "kind": "GrafanaDashboard",
 "metadata": {"name": "x"},
 "spec": {"json": "{\"uid\": \"gd\", \"title\": \"GD\", \"schemaVersion\": 39, \"time\": {\"from\": \"now-1h\", \"to\": \"now\"},\n \"panels\": [{\"id\": 1, \"type\": \"stat\", \"title\": \"p\", \"targets\": [{\"expr\": \"up{job=\\\"a\\\"} +\"}]}]}"}}
--- stdout
gd.json: 1 dashboard, 1 panel, 1 Prometheus query
--- stderr
gd.json:3:242: error: /panels/0/targets/0/expr: unexpected end of input [dashboard/promql]
 3 |  "spec": {"json": "{\"uid\": \"gd\", \"title\": \"GD\", \"schemaVersion\": 39, \"time\": {\"from\": \"now-1h\", \"to\": \"now\"},\n \"panels\": [{\"id\": 1, \"type\": \"stat\", \"title\": \"p\", \"targets\": [{\"expr\": \"up{job=\\\"a\\\"} +\"}]}]}"}}
   |                                                                                                                                                                                                                                                  ^
1 error, 0 warnings
--- exit 1
