# A mistake inside a native-histogram sample is reported at its character.
$ caxtool test rules tests.yml
--- file tests.yml
tests:
- input_series:
  - series: 'h'
    values: '{{schema:0 sum:5 count:4 bukets:[1 2 1]}}'
--- stdout
Unit Testing:  tests.yml


--- stderr
tests.yml:4:39: error: bad histogram descriptor found: "bukets" [test/series]
1 error, 0 warnings
  FAILED:
1:28: parse error: bad histogram descriptor found: "bukets"
--- exit 1
