# A retention size without a valid unit is rejected, naming the units.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
retention:
  size: 10 gigs
--- stderr
values.yaml:3:9: error: retention.size: expected a size with a unit (B, KB, MB, GB, TB, PB, EB), e.g. 10GB, got "10 gigs" [values/type]
 3 |   size: 10 gigs
   |         ^~~~~~~
1 error, 0 warnings
--- exit 1
