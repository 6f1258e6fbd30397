# Opt-in: job and instance matched against fixed values while the dashboard has the variables.
$ caxtool check dashboard --lint default,dashboard/job-instance --fail-on info d.json
--- file d.json
{
  "uid": "u1", "title": "Job", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
  "templating": {"list": [
    {"name": "job", "type": "custom", "query": "a"},
    {"name": "instance", "type": "custom", "query": "i"}
  ]},
  "panels": [
    {"id": 1, "type": "stat", "title": "a", "targets": [
      {"expr": "up{job=\"node\", instance=~\"$instance\"}"},
      {"expr": "up{job=~\"$job\", instance=\"host:9100\"}"}
    ]}
  ]
}
--- stdout
d.json: 1 dashboard, 1 panel, 2 Prometheus queries
--- stderr
d.json:9:20: info: /panels/0/targets/0/expr: job is matched against a fixed value, not the $job variable [dashboard/job-instance]
 9 |       {"expr": "up{job=\"node\", instance=~\"$instance\"}"},
   |                    ^~~~~~~~~~~~
  hint: job=~"$job"
d.json:10:35: info: /panels/0/targets/1/expr: instance is matched against a fixed value, not the $instance variable [dashboard/job-instance]
 10 |       {"expr": "up{job=~\"$job\", instance=\"host:9100\"}"}
    |                                   ^~~~~~~~~~~~~~~~~~~~~~
  hint: instance=~"$instance"
0 errors, 0 warnings
--- exit 1
