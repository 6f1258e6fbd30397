# Dashboard-level checks: no uid, no title, an old schemaVersion, an absolute default time
# range, editable (opt-in) and a refresh faster than the scrape interval given.
$ caxtool check dashboard --lint all --scrape-interval 30s --fail-on warning d.json
--- file d.json
{
  "schemaVersion": 27,
  "refresh": "10s",
  "time": {"from": "2024-01-01T00:00:00Z", "to": "now"},
  "panels": []
}
--- stdout
d.json: 1 dashboard, 0 panels, 0 Prometheus queries
--- stderr
d.json:1:1: warning: /: the dashboard has no uid [dashboard/uid]
 1 | {
   | ^
  hint: set a stable "uid" so links to the dashboard survive re-provisioning
d.json:1:1: warning: /: the dashboard has no title [dashboard/title]
 1 | {
   | ^
d.json:1:1: info: /: the dashboard is editable in the UI [dashboard/editable]
 1 | {
   | ^
  hint: set "editable": false for a dashboard provisioned from files
d.json:2:20: info: /schemaVersion: schemaVersion 27 predates Grafana 8.5 (36) [dashboard/schema-version]
 2 |   "schemaVersion": 27,
   |                    ^~
  hint: open the dashboard in a current Grafana and save it
d.json:3:14: warning: /refresh: refresh every 10s is shorter than the 30s scrape interval [dashboard/refresh]
 3 |   "refresh": "10s",
   |              ^~~~~
  hint: refresh at most as often as Prometheus scrapes (or set --scrape-interval)
d.json:4:20: info: /time/from: the default time range is absolute (2024-01-01T00:00:00Z) [dashboard/time-range]
 4 |   "time": {"from": "2024-01-01T00:00:00Z", "to": "now"},
   |                    ^~~~~~~~~~~~~~~~~~~~~~
  hint: use a relative range such as now-6h
0 errors, 3 warnings
--- exit 1
