# A ratio threshold of 1.5 is out of its range (above 0 and below 1).
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
alerts:
  highErrorRate:
    threshold: 1.5
--- stderr
values.yaml:4:16: error: alerts.highErrorRate.threshold: expected a number from 1e-09 to below 1, got 1.5: out of range [values/type]
 4 |     threshold: 1.5
   |                ^~~
1 error, 0 warnings
--- exit 1
