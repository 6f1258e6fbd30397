# Small, stable component configs reject unknown keys, as otelcol's strict decoding does.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
    endpoint: x
processors:
  memory_limiter:
    check_interval: 1s
    limit_mb: 100
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter]
      exporters: [debug]
--- stdout
otel.yaml: 3 components, 1 pipeline, invalid
--- stderr
otel.yaml:5:5: error: receivers::otlp: '' has invalid keys: endpoint [collector/unknown-key]
 5 |     endpoint: x
   |     ^~~~~~~~
otel.yaml:5:15: error: receivers::otlp: endpoint "x": missing port in address [collector/endpoint]
 5 |     endpoint: x
   |               ^
  hint: a listen address is host:port, e.g. 0.0.0.0:4317
otel.yaml:7:3: error: processors::memory_limiter: 'limit_mib' or 'limit_percentage' must be greater than zero [collector/component-config]
 7 |   memory_limiter:
   |   ^~~~~~~~~~~~~~
otel.yaml:9:5: error: processors::memory_limiter: '' has invalid keys: limit_mb [collector/unknown-key]
 9 |     limit_mb: 100
   |     ^~~~~~~~
  hint: did you mean "limit_mib"?
4 errors, 0 warnings
--- exit 1
