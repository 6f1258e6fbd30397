# A profiles pipeline is behind otelcol's service.profilesSupport gate: a warning, gone with
# --feature-gates as otelcol takes it.
$ caxtool check collector --lint none --fail-on warning --feature-gates service.profilesSupport otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  pipelines:
    profiles:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 2 components, 1 pipeline
--- exit 0
