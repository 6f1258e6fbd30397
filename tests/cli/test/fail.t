# Failing alert and expression tests print promtool's report: what was expected and what came
# back, the float in 'E' notation, and exit 1.
$ caxtool test rules tests.yml
--- file rules.yml
groups:
- name: g
  rules:
  - record: job:up:sum
    expr: sum by (job) (up)
  - alert: InstanceDown
    expr: up == 0
    for: 2m
    labels:
      severity: page
    annotations:
      summary: "{{ $labels.instance }} of {{ $labels.job }} down ({{ $value | humanize }})"
      count: "{{ with query \"count(up == 0)\" }}{{ . | first | value | printf \"%.1f\" }}{{ end }}"
--- file tests.yml
rule_files: [rules.yml]
tests:
- name: wrong
  interval: 1m
  input_series:
  - series: 'up{job="api", instance="a:9090"}'
    values: '0x10'
  alert_rule_test:
  - eval_time: 5m
    alertname: InstanceDown
    exp_alerts:
    - exp_labels: {severity: ticket, job: api, instance: "a:9090"}
  promql_expr_test:
  - expr: job:up:sum
    eval_time: 1m
    exp_samples:
    - labels: 'job:up:sum{job="api"}'
      value: 2.5
  - expr: nosuch(up)
    eval_time: 1m
--- stdout
Unit Testing:  tests.yml




--- stderr
  FAILED:
    name: wrong,
    alertname: InstanceDown, time: 5m, 
        exp:[
            0:
              Labels:{alertname="InstanceDown", instance="a:9090", job="api", severity="ticket"}
              Annotations:{}
            ], 
        got:[
            0:
              Labels:{alertname="InstanceDown", instance="a:9090", job="api", severity="page"}
              Annotations:{count="1.0", summary="a:9090 of api down (0)"}
            ]
    expr: "job:up:sum", time: 1m,
        exp: {__name__="job:up:sum", job="api"} 2.5E+00
        got: {__name__="job:up:sum", job="api"} 0E+00
    expr: "nosuch(up)", time: 1m, err: 1:1: parse error: unknown function with name "nosuch"
--- exit 1
