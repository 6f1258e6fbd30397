# --format github prints one workflow command per diagnostic on stdout.
$ caxtool --format github generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  servce: caxton
backends:
  datadog:
    apiKey: abc123
--- stdout
::error file=values.yaml,line=3,col=3,endLine=3,endColumn=9,title=values/unknown-key::unknown key "servce" in identity%0Adid you mean "service"?
::error file=values.yaml,line=6,col=13,endLine=6,endColumn=19,title=values/literal-secret::backends.datadog.apiKey: a secret must be an environment reference, not a literal value%0Awrite ${env:NAME} and export NAME where the collector runs; a key in a values file ends up in git
--- exit 1
