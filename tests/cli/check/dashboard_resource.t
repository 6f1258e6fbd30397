# dashboard.grafana.app resources: v1 (spec is the classic model) is linted with pointers under
# /spec; the v2 schema is reported as not supported (info) rather than misread. Library panel
# references carry no type or queries and are not judged by what they lack.
$ caxtool check dashboard --lint all v1.json v2.json
--- file v1.json
{
  "apiVersion": "dashboard.grafana.app/v1beta1",
  "kind": "Dashboard",
  "metadata": {"name": "res"},
  "spec": {
    "uid": "res", "title": "Resource", "schemaVersion": 41, "editable": false,
    "time": {"from": "now-1h", "to": "now"},
    "panels": [
      {"id": 1, "gridPos": {"x": 0, "y": 0, "w": 12, "h": 8}, "libraryPanel": {"uid": "lib1", "name": "Shared"}},
      {"id": 2, "type": "stat", "title": "Up", "gridPos": {"x": 12, "y": 0, "w": 12, "h": 8},
       "targets": [{"expr": "sum(up{job=\"a\"} offset 5m"}]}
    ]
  }
}
--- file v2.json
{"apiVersion": "dashboard.grafana.app/v2beta1", "kind": "Dashboard", "metadata": {"name": "x"},
 "spec": {"title": "V2", "elements": {}, "layout": {"kind": "GridLayout", "spec": {"items": []}}}}
--- stdout
v1.json: 1 dashboard, 2 panels, 1 Prometheus query
v2.json: 0 dashboards, 0 panels, 0 Prometheus queries
--- stderr
v1.json:11:57: error: /spec/panels/1/targets/0/expr: unclosed left parenthesis [dashboard/promql]
 11 |        "targets": [{"expr": "sum(up{job=\"a\"} offset 5m"}]}
    |                                                         ^
v2.json:1:1: info: dashboard schema dashboard.grafana.app/v2beta1 (v2) is not supported yet; skipped [dashboard/json]
 1 | {"apiVersion": "dashboard.grafana.app/v2beta1", "kind": "Dashboard", "metadata": {"name": "x"},
   | ^
1 error, 0 warnings
--- exit 1
