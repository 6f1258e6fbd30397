# An explicit --color always wins over NO_COLOR (no-color.org: flags may override it).
$ caxtool --color always generate --values values.yaml --dry-run
--- env NO_COLOR=1
--- file values.yaml
apiVersion: caxtool/v1
identity:
  servce: caxton
--- stderr [escaped]
\x1b[1mvalues.yaml:3:3:\x1b[0m \x1b[1;31merror:\x1b[0m unknown key "servce" in identity [values/unknown-key]
 3 |   servce: caxton
   |   \x1b[1;32m^~~~~~\x1b[0m
  hint: did you mean "service"?
1 error, 0 warnings
--- exit 1
