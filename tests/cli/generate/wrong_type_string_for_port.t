# A quoted string where a port number belongs is a type error, even when it holds digits.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
targets:
  orchestrator:
    port: "9090"
--- stderr
values.yaml:4:11: error: targets.orchestrator.port: expected a port number (1-65535), got the string "9090" [values/type]
 4 |     port: "9090"
   |           ^~~~~~
  hint: write it without quotes
1 error, 0 warnings
--- exit 1
