# A literal Datadog API key is refused: secrets are ${env:NAME} references only.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
backends:
  datadog:
    enabled: true
    apiKey: 0123456789abcdef0123456789abcdef
--- stderr
values.yaml:5:13: error: backends.datadog.apiKey: a secret must be an environment reference, not a literal value [values/literal-secret]
 5 |     apiKey: 0123456789abcdef0123456789abcdef
   |             ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: write ${env:NAME} and export NAME where the collector runs; a key in a values file ends up in git
1 error, 0 warnings
--- exit 1
