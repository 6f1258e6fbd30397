# --format json reports each file and test group with its failures.
$ caxtool --format json test rules tests.yml
--- file tests.yml
tests:
- name: values
  interval: 30s
  input_series:
  - series: 'temp{room="a"}'
    values: '20+0.5x4 stale'
  promql_expr_test:
  - expr: temp
    eval_time: 2m
    exp_samples:
    - labels: 'temp{room="a"}'
      value: 22
  - expr: temp
    eval_time: 150s
--- stdout
{"files":[{"file":"tests.yml","passed":false,"errors":[],"tests":[{"name":"values","passed":false,"failures":["    expr: \"temp\", time: 2m30s,\n        exp: nil\n        got: {__name__=\"temp\", room=\"a\"} 2.2E+01"]}]}]}
--- exit 1
