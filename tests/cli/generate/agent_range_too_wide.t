# A range of more than 1000 agent ports is refused: each port becomes a static target.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
targets:
  agents:
    portFrom: 10000
    portTo: 20000
--- stderr
values.yaml:5:13: error: targets.agents spans 10001 ports; at most 1000 are expanded into static targets [values/conflict]
 5 |     portTo: 20000
   |             ^~~~~
  hint: for more agents, use service discovery rather than a port range
1 error, 0 warnings
--- exit 1
