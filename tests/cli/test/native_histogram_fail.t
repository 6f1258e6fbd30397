# A failing expectation on a native histogram prints both sides in the notation, as promtool
# prints FloatHistogram.TestExpression (compacted, default fields left out).
$ caxtool test rules tests.yml
--- file tests.yml
tests:
- interval: 1m
  input_series:
  - series: 'h'
    values: '{{schema:1 sum:-3 count:5 z_bucket:1 z_bucket_w:0.001 buckets:[0 1 2] n_buckets:[1] n_offset:2 counter_reset_hint:gauge}}x2'
  promql_expr_test:
  - expr: h
    eval_time: 1m
    exp_samples:
    - labels: 'h'
      histogram: '{{schema:1 count:5 sum:-3 buckets:[1 2]}}'
  - expr: histogram_quantile(0.1, h)
    eval_time: 1m
    exp_samples:
    - labels: '{}'
      value: 0
--- stdout
Unit Testing:  tests.yml



--- stderr
  FAILED:
    expr: "h", time: 1m,
        exp: {__name__="h"} {{schema:1 count:5 sum:-3 buckets:[1 2]}}
        got: {__name__="h"} {{schema:1 count:5 sum:-3 z_bucket:1 z_bucket_w:0.001 counter_reset_hint:gauge offset:1 buckets:[1 2] n_offset:2 n_buckets:[1]}}
    expr: "histogram_quantile(0.1, h)", time: 1m,
        exp: {} 0E+00
        got: {} -1.6817928305074292E+00
--- exit 1
