# --enable-feature promql-delayed-name-removal: functions and operators only mark `__name__`, which goes
# when the query returns, so label_replace can still read it (and keep it by writing `__name__`).
$ caxtool test rules --enable-feature promql-delayed-name-removal t.yml
--- file t.yml
evaluation_interval: 1m
tests:
  - interval: 15s
    input_series:
      - series: 'c{k="x"}'
        values: '0+1x10'
    promql_expr_test:
      - expr: label_replace(rate(c[1m]), "src", "$1", "__name__", "(.+)")
        eval_time: 2m
        exp_samples:
          - labels: '{k="x", src="c"}'
            value: 0.06666666666666665
      - expr: label_replace(c * 2, "__name__", "double_$1", "__name__", "(.+)")
        eval_time: 2m
        exp_samples:
          - labels: 'double_c{k="x"}'
            value: 16
      - expr: sum by (__name__) (rate(c[1m]))
        eval_time: 2m
        exp_samples:
          - labels: '{}'
            value: 0.06666666666666665
--- stdout
Unit Testing:  t.yml
  SUCCESS

--- exit 0
