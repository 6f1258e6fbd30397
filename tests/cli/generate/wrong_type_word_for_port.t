# A word where a port number belongs is a type error naming the expected type and the value.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
alertmanager:
  port: http
--- stderr
values.yaml:3:9: error: alertmanager.port: expected a port number (1-65535), got http [values/type]
 3 |   port: http
   |         ^~~~
1 error, 0 warnings
--- exit 1
