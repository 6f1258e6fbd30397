# A YAML syntax error stops the check, as it stops otelcol.
$ caxtool check collector otel.yaml
--- file otel.yaml
receivers:
  otlp: [
exporters:
--- stdout
otel.yaml: 0 components, 0 pipelines, invalid
--- stderr
otel.yaml:4:1: error: did not find expected node content while parsing a flow node [yaml/syntax]
1 error, 0 warnings
--- exit 1
