# An external label name that is not a Prometheus label name is refused.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  externalLabels:
    team-name: infra
--- stderr
values.yaml:4:5: error: identity.externalLabels.team-name: "team-name" is not a valid label name [values/type]
 4 |     team-name: infra
   |     ^~~~~~~~~
  hint: label names match [a-zA-Z_][a-zA-Z0-9_]*
1 error, 0 warnings
--- exit 1
