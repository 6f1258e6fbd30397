# A YAML syntax error is one diagnostic at the parser's line and column.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  service: [caxton
  environment: prod
--- stderr
values.yaml:4:14: error: did not find expected ',' or ']' while parsing a flow sequence [yaml/syntax]
 4 |   environment: prod
   |              ^
1 error, 0 warnings
--- exit 1
