# A passing file: recording rules feed the store, the alert fires after its for: duration, and
# annotations are templated with $labels, $value, humanize, query, first, value and printf.
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
evaluation_interval: 1m
tests:
- name: down
  interval: 1m
  input_series:
  - series: 'up{job="api", instance="a:9090"}'
    values: '1 1 0x5'
  - series: 'up{job="api", instance="b:9090"}'
    values: '1+0x6'
  alert_rule_test:
  - eval_time: 3m
    alertname: InstanceDown
  - eval_time: 4m
    alertname: InstanceDown
    exp_alerts:
    - exp_labels: {severity: page, job: api, instance: "a:9090"}
      exp_annotations:
        summary: "a:9090 of api down (0)"
        count: "1.0"
  promql_expr_test:
  - expr: job:up:sum
    eval_time: 1m
    exp_samples:
    - labels: 'job:up:sum{job="api"}'
      value: 2
  - expr: ALERTS{alertstate="pending"}
    eval_time: 3m
    exp_samples:
    - labels: 'ALERTS{alertname="InstanceDown", alertstate="pending", instance="a:9090", job="api", severity="page"}'
      value: 1
--- stdout
Unit Testing:  tests.yml
  SUCCESS

--- exit 0
