# Two services on one host on one port: the orchestrator (caxton:9090 by default) and
# Prometheus once it is moved to host caxton with its default listen port 9090.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
prometheus:
  host: caxton
--- stderr
values.yaml:3:9: error: port 9090 on host "caxton" is used by both targets.orchestrator.port and prometheus.listenPort [values/conflict]
 3 |   host: caxton
   |         ^~~~~~
  hint: two services cannot listen on one port of one host; change one port or host
1 error, 0 warnings
--- exit 1
