# A Kubernetes PrometheusRule is read from spec.groups; positions point into the manifest.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: caxton
spec:
  groups:
    - name: g
      rules:
        - alert: Down
          expr: up = 0
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:10:20: error: alert "Down": invalid PromQL: unexpected "=" [rules/promql]
 10 |           expr: up = 0
    |                    ^
1 error, 0 warnings
--- exit 1
