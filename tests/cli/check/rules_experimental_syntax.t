# Without the feature flag anchored/smoothed and fill modifiers are refused, with the flag to pass as hint.
$ caxtool check rules --lint none r2.yml
--- file r2.yml
groups:
- name: g
  rules:
  - record: inc
    expr: increase(c[1m] anchored)
  - record: filled
    expr: a + fill(0) b
--- stdout
r2.yml: 2 rules in 1 group, invalid
--- stderr
r2.yml:5:20: error: recording rule "inc": invalid PromQL: anchored modifier is experimental and not enabled [rules/promql]
 5 |     expr: increase(c[1m] anchored)
   |                    ^~~~~
  hint: experimental: pass --enable-feature promql-extended-range-selectors here and to Prometheus
r2.yml:7:11: error: recording rule "filled": invalid PromQL: binop fill modifiers are experimental and not enabled [rules/promql]
 7 |     expr: a + fill(0) b
   |           ^~~~~~~~~~~~~
  hint: experimental: pass --enable-feature promql-binop-fill-modifiers here and to Prometheus
2 errors, 0 warnings
--- exit 1
