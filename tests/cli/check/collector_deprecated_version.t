# Judged against v0.100: logging (removed in v0.111) is deprecated, a warning; jaeger (removed in v0.85) is an error.
$ caxtool check collector --collector-version 0.100 --lint collector/deprecated-component otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  logging:
  jaeger:
    endpoint: jaeger:14250
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [logging, jaeger]
--- stdout
otel.yaml: 3 components, 1 pipeline, invalid
--- stderr
otel.yaml:6:3: warning: the logging exporter is removed in v0.111.0 [collector/deprecated-component]
 6 |   logging:
   |   ^~~~~~~
  hint: use debug
otel.yaml:7:3: error: the jaeger exporter was removed in v0.85.0 [collector/removed-component]
 7 |   jaeger:
   |   ^~~~~~
  hint: use otlp (Jaeger takes OTLP on 4317)
1 error, 1 warning
--- exit 1
