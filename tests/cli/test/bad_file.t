# Unknown fields and bad durations are refused as yaml.v2's strict decoding refuses them, each
# at its line and column.
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
tests.yml:1:14: warning: no file match pattern rules.yml [test/no-match]
2 errors, 1 warning
  FAILED:
tests.yml:2:22: not a valid duration string: "1x"
tests.yml:5:3: field inputs not found in type main.testGroup
--- exit 1
