# An env reference with a name that is not a valid variable name is no reference at all.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
backends:
  datadog:
    apiKey: ${env:DD-API-KEY}
--- stderr
values.yaml:4:13: error: backends.datadog.apiKey: "${env:DD-API-KEY}" is not a valid environment reference [values/type]
 4 |     apiKey: ${env:DD-API-KEY}
   |             ^~~~~~~~~~~~~~~~~
  hint: write ${env:NAME} with NAME made of letters, digits and _, not starting with a digit
1 error, 0 warnings
--- exit 1
