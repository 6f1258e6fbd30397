# An exporter's timeout is a Go duration and not negative (exporterhelper's TimeoutConfig).
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  otlp:
    endpoint: x:4317
    timeout: invalid
  otlp/b:
    endpoint: x:4317
    timeout: -1
  otlp/c:
    endpoint: x:4317
    timeout: 1m30s
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [otlp, otlp/b, otlp/c]
--- stdout
otel.yaml: 4 components, 1 pipeline, invalid
--- stderr
otel.yaml:8:14: error: exporters::otlp: timeout: invalid duration "invalid" [collector/component-config]
 8 |     timeout: invalid
   |              ^~~~~~~
  hint: e.g. 5s or 500ms
otel.yaml:11:14: error: exporters::otlp/b: 'timeout' must be non-negative [collector/component-config]
 11 |     timeout: -1
    |              ^~
2 errors, 0 warnings
--- exit 1
