# batch belongs after memory_limiter and after samplers.
$ caxtool check collector --lint collector/batch-order otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
processors:
  memory_limiter:
    check_interval: 1s
    limit_percentage: 80
  batch:
  tail_sampling:
    policies: []
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [memory_limiter, batch, tail_sampling]
      exporters: [debug]
--- stdout
otel.yaml: 5 components, 1 pipeline
--- stderr
otel.yaml:18:36: warning: service::pipelines::traces: batch comes before "tail_sampling" [collector/batch-order]
 18 |       processors: [memory_limiter, batch, tail_sampling]
    |                                    ^~~~~
  hint: put batch after memory_limiter and after samplers and filters
0 errors, 1 warning
--- exit 0
