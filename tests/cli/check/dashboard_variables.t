# References to variables the dashboard does not define (in queries, titles, repeat), a format
# Grafana does not know, and a variable nothing uses. Built-ins and __inputs count as defined.
$ caxtool check dashboard d.json
--- file d.json
{
  "__inputs": [{"name": "DS_PROM", "type": "datasource", "pluginId": "prometheus"}],
  "uid": "u1", "title": "Variables", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
  "templating": {"list": [
    {"name": "job", "type": "custom", "query": "api,web"},
    {"name": "unused", "type": "constant", "query": "x"}
  ]},
  "panels": [
    {"id": 1, "type": "stat", "title": "Node $node", "repeat": "region",
     "datasource": "${DS_PROM}",
     "targets": [{"expr": "up{job=~\"${job:regexp}\", instance=~\"$instance\"} offset $__interval"}]}
  ]
}
--- stdout
d.json: 1 dashboard, 1 panel, 1 Prometheus query
--- stderr
d.json:6:14: info: /templating/list/1/name: variable "unused" is defined but nothing refers to it [dashboard/unused-variable]
 6 |     {"name": "unused", "type": "constant", "query": "x"}
   |              ^~~~~~~~
  hint: remove it, or use it as $unused
d.json:9:46: warning: /panels/0/title: variable "node" is not defined by the dashboard [dashboard/undefined-variable]
 9 |     {"id": 1, "type": "stat", "title": "Node $node", "repeat": "region",
   |                                              ^~~~~
  hint: Grafana sends $node verbatim; define the variable or fix the name
d.json:9:64: warning: /panels/0/repeat: repeat names variable "region", which the dashboard does not define [dashboard/undefined-variable]
 9 |     {"id": 1, "type": "stat", "title": "Node $node", "repeat": "region",
   |                                                                ^~~~~~~~
d.json:11:38: warning: /panels/0/targets/0/expr: unknown format "regexp" in ${job:regexp} [dashboard/variable-format]
 11 |      "targets": [{"expr": "up{job=~\"${job:regexp}\", instance=~\"$instance\"} offset $__interval"}]}
    |                                      ^~~~~~~~~~~~~
  hint: Grafana falls back to glob; see caxtool help check dashboard/variable-format
d.json:11:67: warning: /panels/0/targets/0/expr: variable "instance" is not defined by the dashboard [dashboard/undefined-variable]
 11 |      "targets": [{"expr": "up{job=~\"${job:regexp}\", instance=~\"$instance\"} offset $__interval"}]}
    |                                                                   ^~~~~~~~~
  hint: Grafana sends $instance verbatim; define the variable or fix the name
0 errors, 4 warnings
--- exit 0
