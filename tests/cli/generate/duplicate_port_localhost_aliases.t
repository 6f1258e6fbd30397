# localhost and 127.0.0.1 are the same host, so the same port on both clashes.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
targets:
  orchestrator:
    host: localhost
    port: 9100
alertmanager:
  host: 127.0.0.1
  port: 9100
--- stderr
values.yaml:8:9: error: port 9100 on host "localhost" (the same host as "127.0.0.1") is used by both targets.orchestrator.port and alertmanager.port [values/conflict]
 8 |   port: 9100
   |         ^~~~
  hint: two services cannot listen on one port of one host; change one port or host
1 error, 0 warnings
--- exit 1
