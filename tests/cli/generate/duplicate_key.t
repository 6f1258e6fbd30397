# A key given twice in one mapping is an error at the second occurrence (the YAML loader
# rejects it; YAML parsers that keep the last one silently are a trap).
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
scrape:
  interval: 15s
  timeout: 10s
  interval: 30s
--- stderr
values.yaml:5:3: error: duplicate key "interval", first defined at line 3 [yaml/duplicate-key]
 5 |   interval: 30s
   |   ^~~~~~~~
1 error, 0 warnings
--- exit 1
