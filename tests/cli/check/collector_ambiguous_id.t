# A connector ID that is also an exporter ID.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  datadog:
    api:
      key: ${env:DD_API_KEY}
  debug:
connectors:
  datadog:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 4 components, 1 pipeline, invalid
--- stderr
otel.yaml:11:3: error: connectors::datadog: ambiguous ID: Found both "datadog" exporter and "datadog" connector. Change one of the components' IDs to eliminate ambiguity (e.g. rename "datadog" connector to "datadog/connector") [collector/ambiguous-id]
 11 |   datadog:
    |   ^~~~~~~
1 error, 0 warnings
--- exit 1
