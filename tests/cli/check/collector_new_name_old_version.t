# Before v0.144.0 the otlp_grpc exporter was only called otlp: an older collector rejects it.
$ caxtool check collector --collector-version 0.130 --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  otlp_grpc/jaeger:
    endpoint: jaeger:4317
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [otlp_grpc/jaeger]
--- stdout
otel.yaml: 2 components, 1 pipeline, invalid
--- stderr
otel.yaml:6:3: error: unknown type: "otlp_grpc" for id: "otlp_grpc/jaeger" (the exporter has that name from v0.144.0 on) [collector/unknown-type]
 6 |   otlp_grpc/jaeger:
   |   ^~~~~~~~~~~~~~~~
  hint: check with --collector-version of the collector you run
1 error, 0 warnings
--- exit 1
