# A port above 65535 is out of range.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
prometheus:
  listenPort: 70000
--- stderr
values.yaml:3:15: error: prometheus.listenPort: expected a port number (1-65535), got 70000: out of range [values/type]
 3 |   listenPort: 70000
   |               ^~~~~
1 error, 0 warnings
--- exit 1
