# .caxtool.yml sets the version, turns checks off and lists forbidden labels; flags still win.
$ caxtool check rules rules.yml
--- file .caxtool.yml
rules:
  prometheusVersion: "2.42"
  disable: [record/name]
  forbiddenLabels: [tenant_id]
--- file rules.yml
groups:
  - name: g
    rules:
      - record: tenant_usage
        expr: sum by (tenant_id) (rate(requests_total[5m]))
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:5:15: error: sum by (...) keeps label tenant_id, which is forbidden: its values are unbounded [labels/forbidden]
 5 |         expr: sum by (tenant_id) (rate(requests_total[5m]))
   |               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: aggregate it away instead of keeping it
1 error, 0 warnings
--- exit 1
