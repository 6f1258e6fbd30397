# A scalar where a mapping belongs is a type error.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
scrape: 15s
--- stderr
values.yaml:2:9: error: scrape: expected a mapping, got a scalar [values/type]
 2 | scrape: 15s
   |         ^~~
1 error, 0 warnings
--- exit 1
