# Since 2.47 the series notation has native histograms ({{...}}); caxtool's engine cannot hold
# them yet and says so at the sample, rather than report the lexer error of older versions.
$ caxtool test rules tests.yml
--- file tests.yml
tests:
- input_series:
  - series: 'h'
    values: '1 {{schema:0 sum:5 count:4 buckets:[1 2 1]}}x3'
--- stdout
Unit Testing:  tests.yml


--- stderr
tests.yml:4:16: error: native-histogram samples ({{...}}) in series values are not supported by caxtool test rules yet [test/series]
1 error, 0 warnings
  FAILED:
1:5: parse error: native-histogram samples ({{...}}) in series values are not supported by caxtool test rules yet
--- exit 1
