# An env reference with a name that is not a valid variable name is no reference at all.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
backends:
  datadog:
    apiKey: ${env:DD-API-KEY}
--- stderr
values.yaml:4:13: error: backends.datadog.apiKey: a secret must be an environment reference, not a literal value [values/literal-secret]
 4 |     apiKey: ${env:DD-API-KEY}
   |             ^~~~~~~~~~~~~~~~~
  hint: write ${env:NAME} and export NAME where the collector runs; a key in a values file ends up in git
1 error, 0 warnings
--- exit 1
