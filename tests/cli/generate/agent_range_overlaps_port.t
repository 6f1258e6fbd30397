# The agent port range caxton:9091-9099 covers the port Alertmanager is moved to on the same host.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
alertmanager:
  host: caxton
  port: 9095
--- stderr
values.yaml:4:9: error: port 9095 on host "caxton" is used by both alertmanager.port and the agent range targets.agents (9091-9099) [values/conflict]
 4 |   port: 9095
   |         ^~~~
  hint: two services cannot listen on one port of one host; change one port or host
1 error, 0 warnings
--- exit 1
