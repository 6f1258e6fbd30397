# An integer below its minimum (grafana.schemaVersion is 36-42) is out of range.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
grafana:
  schemaVersion: 27
--- stderr
values.yaml:3:18: error: grafana.schemaVersion: expected an integer from 36 to 42, got 27: out of range [values/type]
 3 |   schemaVersion: 27
   |                  ^~
1 error, 0 warnings
--- exit 1
