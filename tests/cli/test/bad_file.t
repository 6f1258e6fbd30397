# Unknown fields and bad durations are refused as yaml.v2's strict decoding refuses them, each
# at its line and column; promtool's report shows the bad duration alone, since model.Duration's
# unmarshaler fails the whole decode.
$ caxtool test rules tests.yml
--- file tests.yml
rule_files: [rules.yml]
evaluation_interval: 1x
tests:
- interval: 1m
  inputs: []
--- stdout
Unit Testing:  tests.yml


--- stderr
tests.yml:2:22: error: not a valid duration string: "1x" [test/syntax]
tests.yml:5:3: error: field inputs not found in type main.testGroup [test/syntax]
2 errors, 0 warnings
  FAILED:
not a valid duration string: "1x"
--- exit 1
