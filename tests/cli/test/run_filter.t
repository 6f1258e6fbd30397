# --run picks test groups by name (a Go regexp, unanchored): the failing group is skipped.
$ caxtool test rules --run '^ok' tests.yml
--- file tests.yml
tests:
- name: ok-one
  input_series:
  - series: 'x'
    values: '1 2 3'
  promql_expr_test:
  - expr: x
    eval_time: 2m
    exp_samples:
    - labels: x
      value: 3
- name: broken
  input_series:
  - series: 'x'
    values: '1'
  promql_expr_test:
  - expr: x
    eval_time: 0m
--- stdout
Unit Testing:  tests.yml
  SUCCESS

--- exit 0
