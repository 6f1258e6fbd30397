# # caxtool disable NAME silences a lint on its line or the next; file/disable in the whole file. Errors stay.
$ caxtool check collector --fail-on warning otel.yaml
--- file otel.yaml
# caxtool file/disable collector/memory-limiter
receivers:
  otlp:
    protocols:
      grpc:
  # caxtool disable collector/unused-component
  zipkin:
  jaeger: # caxtool disable collector/unused-component
    protocols:
      grpc:
  kafka:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug, nope]
--- stdout
otel.yaml: 5 components, 1 pipeline, invalid
--- stderr
otel.yaml:11:3: warning: receiver "kafka" is defined but used by no pipeline [collector/unused-component]
 11 |   kafka:
    |   ^~~~~
  hint: add it to a pipeline, or remove it
otel.yaml:18:26: error: service::pipelines::traces: references exporter "nope" which is not configured [collector/undefined-component]
 18 |       exporters: [debug, nope]
    |                          ^~~~
  hint: define it under exporters: (or connectors:)
1 error, 1 warning
--- exit 1
