# An unknown key with no close sibling gets no did-you-mean.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
scrape:
  completelyUnrelated: 5
--- stderr
values.yaml:3:3: error: unknown key "completelyUnrelated" in scrape [values/unknown-key]
 3 |   completelyUnrelated: 5
   |   ^~~~~~~~~~~~~~~~~~~
  hint: valid keys in scrape: interval, timeout, evaluationInterval
1 error, 0 warnings
--- exit 1
