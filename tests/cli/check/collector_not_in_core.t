# --distribution core: contrib-only types are unknown to otelcol.
$ caxtool check collector --distribution core --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  datadog:
    api:
      key: ${env:DD_API_KEY}
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [datadog]
--- stdout
otel.yaml: 2 components, 1 pipeline, invalid
--- stderr
otel.yaml:6:3: error: unknown type: "datadog" for id: "datadog" (the exporter is in otelcol-contrib, not otelcol) [collector/not-in-distribution]
 6 |   datadog:
   |   ^~~~~~~
  hint: run otelcol-contrib, or check with --distribution contrib
1 error, 0 warnings
--- exit 1
