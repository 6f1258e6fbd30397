# A misspelt top-level key is rejected with the closest top-level key suggested.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
target:
  scheme: https
--- stderr
values.yaml:2:1: error: unknown key "target" [values/unknown-key]
 2 | target:
   | ^~~~~~
  hint: did you mean "targets"?
1 error, 0 warnings
--- exit 1
