# targets.agents.portTo below portFrom is an error at portTo.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
targets:
  agents:
    portFrom: 9200
    portTo: 9150
--- stderr
values.yaml:5:13: error: targets.agents.portTo 9150 is below portFrom 9200 [values/conflict]
 5 |     portTo: 9150
   |             ^~~~
1 error, 0 warnings
--- exit 1
