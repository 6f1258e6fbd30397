# Since 2.47 series values take native histograms ({{...}}, {{...}}+{{...}}xN), and since 2.48
# exp_samples take `histogram:`; the native-histogram functions read them, float functions drop
# them, sum, arithmetic, rate and increase keep them, and a recording rule writes a histogram
# back. A stored histogram after another of its
# series reads back as counter_reset_hint:not_reset, as from Prometheus's TSDB (promtool's own
# testdata/unittest.yml expects the same).
$ caxtool test rules tests.yml
--- file rules.yml
groups:
- name: g
  rules:
  - record: h:copy
    expr: h
--- file tests.yml
rule_files: [rules.yml]
evaluation_interval: 1m
tests:
- interval: 1m
  input_series:
  - series: 'h{job="a"}'
    values: '{{schema:0 sum:5 count:4 buckets:[1 2 1]}}+{{sum:2 count:1 buckets:[1] offset:1}}x3'
  - series: 'f'
    values: '1 2 3'
  promql_expr_test:
  - expr: h
    eval_time: 2m
    exp_samples:
    - labels: 'h{job="a"}'
      histogram: '{{sum:9 count:6 counter_reset_hint:not_reset buckets:[1 4 1]}}'
  - expr: histogram_count(h) + histogram_sum(h)
    eval_time: 2m
    exp_samples:
    - labels: '{job="a"}'
      value: 15
  - expr: histogram_quantile(0.5, h)
    eval_time: 2m
    exp_samples:
    - labels: '{job="a"}'
      value: 1.414213562373095
  - expr: histogram_fraction(0, 2, h)
    eval_time: 2m
    exp_samples:
    - labels: '{job="a"}'
      value: 0.8333333333333334
  - expr: abs(h) or f
    eval_time: 2m
    exp_samples:
    - labels: 'f'
      value: 3
  - expr: sum(h) / 2
    eval_time: 1m
    exp_samples:
    - labels: '{}'
      histogram: '{{count:2.5 sum:3.5 counter_reset_hint:not_reset buckets:[0.5 1.5 0.5]}}'
  - expr: increase(h[2m])
    eval_time: 3m
    exp_samples:
    - labels: '{job="a"}'
      histogram: '{{count:2 sum:4 offset:1 buckets:[2] counter_reset_hint:gauge}}'
  - expr: histogram_quantile(0.9, rate(h[3m]))
    eval_time: 3m
    exp_samples:
    - labels: '{job="a"}'
      value: 1.8660659830736148
  - expr: h:copy
    eval_time: 3m
    exp_samples:
    - labels: 'h:copy{job="a"}'
      histogram: '{{count:7 sum:11 buckets:[1 5 1] counter_reset_hint:not_reset}}'
--- stdout
Unit Testing:  tests.yml
  SUCCESS

--- exit 0
