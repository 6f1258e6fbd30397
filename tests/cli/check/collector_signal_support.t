# A receiver or exporter in a pipeline of a signal it does not handle.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  prometheus:
    config:
      scrape_configs: []
  otlp:
    protocols:
      grpc:
exporters:
  prometheus:
    endpoint: 0.0.0.0:8889
  zipkin:
    endpoint: http://zipkin:9411/api/v2/spans
service:
  pipelines:
    traces:
      receivers: [prometheus, otlp]
      exporters: [prometheus, zipkin]
--- stdout
otel.yaml: 4 components, 1 pipeline, invalid
--- stderr
otel.yaml:16:19: error: failed to create "prometheus" receiver for data type "traces": telemetry type is not supported [collector/signal]
 16 |       receivers: [prometheus, otlp]
    |                   ^~~~~~~~~~
  hint: the prometheus receiver handles metrics
otel.yaml:17:19: error: failed to create "prometheus" exporter for data type "traces": telemetry type is not supported [collector/signal]
 17 |       exporters: [prometheus, zipkin]
    |                   ^~~~~~~~~~
  hint: the prometheus exporter handles metrics
2 errors, 0 warnings
--- exit 1
