# Panel hygiene with every check on: duplicate ids (also inside a collapsed row), overlaps,
# a panel sticking out of the grid, a panel without a title, deprecated types, a missing unit
# the metric name states.
$ caxtool check dashboard --lint all --fail-on info d.json
--- file d.json
{
  "uid": "u1", "title": "Panels", "schemaVersion": 39, "editable": false,
  "time": {"from": "now-1h", "to": "now"},
  "panels": [
    {"id": 1, "type": "graph", "title": "old", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
     "targets": [{"expr": "up"}]},
    {"id": 2, "type": "timeseries", "title": "", "gridPos": {"x": 6, "y": 4, "w": 12, "h": 8},
     "fieldConfig": {"defaults": {"color": {"mode": "palette-classic"}}, "overrides": []},
     "targets": [{"expr": "sum(process_resident_memory_bytes)"}]},
    {"id": 3, "type": "stat", "title": "wide", "gridPos": {"x": 20, "y": 20, "w": 8, "h": 4},
     "targets": [{"expr": "up"}]},
    {"id": 4, "type": "row", "title": "More", "collapsed": true, "gridPos": {"x": 0, "y": 24, "w": 24, "h": 1},
     "panels": [
       {"id": 1, "type": "singlestat", "title": "older", "gridPos": {"x": 0, "y": 25, "w": 24, "h": 4},
        "targets": [{"expr": "up"}]}
     ]}
  ]
}
--- stdout
d.json: 1 dashboard, 5 panels, 4 Prometheus queries
--- stderr
d.json:5:23: warning: /panels/0/type: panel "old" is a graph panel, which current Grafana no longer renders [dashboard/deprecated-panel]
 5 |     {"id": 1, "type": "graph", "title": "old", "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8},
   |                       ^~~~~~~
  hint: convert it to timeseries
d.json:7:5: info: /panels/1: panel 2 has queries but no title [dashboard/panel-title]
 7 |     {"id": 2, "type": "timeseries", "title": "", "gridPos": {"x": 6, "y": 4, "w": 12, "h": 8},
   |     ^
  hint: give the panel a title
d.json:7:61: info: /panels/1/gridPos: panel 2 overlaps panel "old" (/panels/0) [dashboard/panel-overlap]
 7 |     {"id": 2, "type": "timeseries", "title": "", "gridPos": {"x": 6, "y": 4, "w": 12, "h": 8},
   |                                                             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: move one of them; Grafana pushes overlapping panels down
d.json:8:34: info: /panels/1/fieldConfig/defaults: the panel's metrics are in "bytes" but it sets no unit [dashboard/panel-unit]
 8 |      "fieldConfig": {"defaults": {"color": {"mode": "palette-classic"}}, "overrides": []},
   |                                  ^
  hint: set fieldConfig.defaults.unit to "bytes"
d.json:10:59: info: /panels/2/gridPos: panel "wide" does not fit the 24-column grid (x 20, w 8) [dashboard/panel-overlap]
 10 |     {"id": 3, "type": "stat", "title": "wide", "gridPos": {"x": 20, "y": 20, "w": 8, "h": 4},
    |                                                           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: keep x + w within 24
d.json:14:15: warning: /panels/3/panels/0/id: panel "older" has id 1, as panel "old" (/panels/0) [dashboard/panel-id]
 14 |        {"id": 1, "type": "singlestat", "title": "older", "gridPos": {"x": 0, "y": 25, "w": 24, "h": 4},
    |               ^
  hint: give every panel its own id
d.json:14:26: warning: /panels/3/panels/0/type: panel "older" is a singlestat panel, which current Grafana no longer renders [dashboard/deprecated-panel]
 14 |        {"id": 1, "type": "singlestat", "title": "older", "gridPos": {"x": 0, "y": 25, "w": 24, "h": 4},
    |                          ^~~~~~~~~~~~
  hint: convert it to stat
0 errors, 3 warnings
--- exit 1
