# On v0.120 metrics::address still works but is deprecated: a warning.
$ caxtool check collector --collector-version 0.120 --lint collector/self-metrics otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  telemetry:
    metrics:
      address: 0.0.0.0:8888
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 2 components, 1 pipeline
--- stderr
otel.yaml:10:7: warning: service::telemetry::metrics::address is deprecated since v0.111.0 and removed in v0.128.0 [collector/self-metrics]
 10 |       address: 0.0.0.0:8888
    |       ^~~~~~~
  hint: use readers: [{pull: {exporter: {prometheus: {host: 0.0.0.0, port: 8888}}}}]
0 errors, 1 warning
--- exit 0
