# A hard-coded datasource where a datasource variable exists (panel, target, query variable),
# and a reference to a variable that is not of type datasource. Mixed and Grafana's own
# datasources are never reported.
$ caxtool check dashboard d.json
--- file d.json
{
  "uid": "u1", "title": "Datasources", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
  "templating": {"list": [
    {"name": "ds", "type": "datasource", "query": "prometheus"},
    {"name": "job", "type": "query", "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"},
     "query": "label_values(up, job)"}
  ]},
  "annotations": {"list": [{"builtIn": 1, "datasource": {"type": "grafana", "uid": "-- Grafana --"}}]},
  "panels": [
    {"id": 1, "type": "stat", "title": "a", "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"},
     "targets": [{"expr": "up{job=\"$job\"}", "datasource": "Prometheus"}]},
    {"id": 2, "type": "stat", "title": "b", "datasource": {"type": "prometheus", "uid": "$job"},
     "targets": [{"expr": "up{job=\"$job\"}"}]},
    {"id": 3, "type": "stat", "title": "c", "datasource": {"type": "datasource", "uid": "-- Mixed --"},
     "targets": [{"expr": "up{job=\"$job\"}", "datasource": {"type": "prometheus", "uid": "${ds}"}}]}
  ]
}
--- stdout
d.json: 1 dashboard, 3 panels, 3 Prometheus queries
--- stderr
d.json:5:82: warning: /templating/list/1/datasource/uid: datasource "P1809F7CD0C75ACF3" is hard-coded; the dashboard has variable "ds" for it [dashboard/datasource-variable]
 5 |     {"name": "job", "type": "query", "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"},
   |                                                                                  ^~~~~~~~~~~~~~~~~~~
  hint: use "${ds}" (--fix does)
d.json:10:89: warning: /panels/0/datasource/uid: datasource "P1809F7CD0C75ACF3" is hard-coded; the dashboard has variable "ds" for it [dashboard/datasource-variable]
 10 |     {"id": 1, "type": "stat", "title": "a", "datasource": {"type": "prometheus", "uid": "P1809F7CD0C75ACF3"},
    |                                                                                         ^~~~~~~~~~~~~~~~~~~
  hint: use "${ds}" (--fix does)
d.json:11:61: warning: /panels/0/targets/0/datasource: datasource "Prometheus" is hard-coded; the dashboard has variable "ds" for it [dashboard/datasource-variable]
 11 |      "targets": [{"expr": "up{job=\"$job\"}", "datasource": "Prometheus"}]},
    |                                                             ^~~~~~~~~~~~
  hint: use "${ds}" (--fix does)
d.json:12:89: error: /panels/1/datasource/uid: datasource $job names variable "job" of type query, not datasource [dashboard/datasource-type]
 12 |     {"id": 2, "type": "stat", "title": "b", "datasource": {"type": "prometheus", "uid": "$job"},
    |                                                                                         ^~~~~~
  hint: point it at a variable of type datasource
1 error, 3 warnings
--- exit 1
