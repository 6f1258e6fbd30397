# A misspelt key inside a mapping is rejected at its line and column, with the closest
# sibling suggested; nothing is written (exit 1).
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  servce: caxton
--- stderr
values.yaml:3:3: error: unknown key "servce" in identity [values/unknown-key]
 3 |   servce: caxton
   |   ^~~~~~
  hint: did you mean "service"?
1 error, 0 warnings
--- exit 1
