# A list where a scalar (a string) belongs is a type error at the list.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  service: [caxton, other]
--- stderr
values.yaml:3:12: error: identity.service: expected a string, got a sequence [values/type]
 3 |   service: [caxton, other]
   |            ^~~~~~~~~~~~~~~
1 error, 0 warnings
--- exit 1
