# A literal New Relic license key is refused: secrets are ${env:NAME} references only.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
backends:
  newrelic:
    enabled: true
    apiKey: eu01xxNRAL0123456789abcdef
--- stderr
values.yaml:5:13: error: backends.newrelic.apiKey: a secret must be an environment reference, not a literal value [values/literal-secret]
 5 |     apiKey: eu01xxNRAL0123456789abcdef
   |             ^~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: write ${env:NAME} and export NAME where the collector runs; a key in a values file ends up in git
1 error, 0 warnings
--- exit 1
