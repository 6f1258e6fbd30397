# A variable that can hold several values (multi or includeAll) only works with =~ and !~.
$ caxtool check dashboard d.json
--- file d.json
{
  "uid": "u1", "title": "Multi", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
  "templating": {"list": [
    {"name": "job", "type": "custom", "query": "a,b", "multi": true},
    {"name": "env", "type": "custom", "query": "prod", "includeAll": true},
    {"name": "one", "type": "custom", "query": "x,y"}
  ]},
  "panels": [
    {"id": 1, "type": "stat", "title": "a", "targets": [
      {"expr": "up{job=\"$job\", env!=\"$env\", one=\"$one\"}"},
      {"expr": "up{job=~\"$job\", env!~\"$env\"}"}
    ]}
  ]
}
--- stdout
d.json: 1 dashboard, 1 panel, 2 Prometheus queries
--- stderr
d.json:10:20: warning: /panels/0/targets/0/expr: variable "job" can hold several values but is matched with = [dashboard/multi-value-equals]
 10 |       {"expr": "up{job=\"$job\", env!=\"$env\", one=\"$one\"}"},
    |                    ^~~~~~~~~~~~
  hint: use =~
d.json:10:34: warning: /panels/0/targets/0/expr: variable "env" can hold several values but is matched with != [dashboard/multi-value-equals]
 10 |       {"expr": "up{job=\"$job\", env!=\"$env\", one=\"$one\"}"},
    |                                  ^~~~~~~~~~~~~
  hint: use !~
0 errors, 2 warnings
--- exit 0
