# Native-histogram series values under 2.42, which has no such notation: promtool 2.42's lexer error.
$ caxtool test rules --prometheus-version 2.42 tests.yml
--- file tests.yml
tests:
- input_series:
  - series: 'h'
    values: '{{schema:0 sum:5 count:4 buckets:[1 2 1]}}x3'
--- stdout
Unit Testing:  tests.yml


--- stderr
tests.yml:4:14: error: unexpected character in series sequence: '{' [test/series]
1 error, 0 warnings
  FAILED:
1:3: parse error: unexpected character in series sequence: '{'
--- exit 1
