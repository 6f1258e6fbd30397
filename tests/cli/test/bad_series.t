# A bad input series is refused with the file position and promtool's own message.
$ caxtool test rules tests.yml
--- file tests.yml
tests:
- input_series:
  - series: 'up{job="a"}'
    values: '1 2 foo'
--- stdout
Unit Testing:  tests.yml


--- stderr
tests.yml:4:18: error: unexpected identifier "foo" in series values, expected number or "stale" [test/series]
1 error, 0 warnings
  FAILED:
1:17: parse error: unexpected identifier "foo" in series values, expected number or "stale"
--- exit 1
