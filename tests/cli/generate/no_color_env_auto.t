# With NO_COLOR set, --color auto gives no escape codes.
$ caxtool --color auto generate --values values.yaml --dry-run
--- env NO_COLOR=1
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
