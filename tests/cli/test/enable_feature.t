# --enable-feature turns on the experimental syntax of Prometheus 3.x: anchored/smoothed range selectors
# (promql-extended-range-selectors) and fill modifiers (promql-binop-fill-modifiers), in rules and tests.
$ caxtool test rules --enable-feature promql-extended-range-selectors,promql-binop-fill-modifiers t2.yml
--- file t2.yml
rule_files: [r2.yml]
evaluation_interval: 1m
tests:
  - interval: 15s
    input_series:
      - series: 'c'
        values: '1+1x4 9+1x4'
      - series: 'a{k="x"}'
        values: '1x10'
      - series: 'b{k="y"}'
        values: '2x10'
    promql_expr_test:
      - expr: inc
        eval_time: 2m
        exp_samples:
          - labels: 'inc'
            value: 7
      - expr: c smoothed
        eval_time: 20s
        exp_samples:
          - labels: 'c'
            value: 2.3333333333333335
      - expr: filled
        eval_time: 1m
        exp_samples:
          - labels: 'filled{k="x"}'
            value: 1
          - labels: 'filled{k="y"}'
            value: 2
--- file r2.yml
groups:
- name: g
  rules:
  - record: inc
    expr: increase(c[1m] anchored)
  - record: filled
    expr: a + fill(0) b
--- stdout
Unit Testing:  t2.yml
  SUCCESS

--- exit 0
