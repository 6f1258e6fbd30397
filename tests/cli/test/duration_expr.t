# --enable-feature promql-duration-expr lets rules and test expressions use duration expressions
# (`[1m * 2]`) under Prometheus 3.10-3.13, whose promtool has the flag (3.14 parses them always).
$ caxtool test rules --prometheus-version 3.12 --enable-feature promql-duration-expr t.yml
--- file t.yml
rule_files: [r.yml]
evaluation_interval: 1m
tests:
  - interval: 15s
    input_series:
      - series: 'c'
        values: '0+1x20'
    promql_expr_test:
      - expr: increase(c[1m * 2])
        eval_time: 4m
        exp_samples:
          - labels: '{}'
            value: 8
      - expr: inc
        eval_time: 4m
        exp_samples:
          - labels: 'inc'
            value: 4
--- file r.yml
groups:
- name: g
  rules:
  - record: inc
    expr: increase(c[30s + 30s])
--- stdout
Unit Testing:  t.yml
  SUCCESS

--- exit 0
