# Pipelines and service::extensions must name defined components.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  extensions: [health_check]
  pipelines:
    traces:
      receivers: [otlp, zipkin]
      processors: [batch]
      exporters: [debug, otlp/jaeger]
--- stdout
otel.yaml: 2 components, 1 pipeline, invalid
--- stderr
otel.yaml:8:16: error: service::extensions: references extension "health_check" which is not configured [collector/undefined-component]
 8 |   extensions: [health_check]
   |                ^~~~~~~~~~~~
  hint: define it under extensions:
otel.yaml:11:25: error: service::pipelines::traces: references receiver "zipkin" which is not configured [collector/undefined-component]
 11 |       receivers: [otlp, zipkin]
    |                         ^~~~~~
  hint: define it under receivers: (or connectors:)
otel.yaml:12:20: error: service::pipelines::traces: references processor "batch" which is not configured [collector/undefined-component]
 12 |       processors: [batch]
    |                    ^~~~~
  hint: define it under processors:
otel.yaml:13:26: error: service::pipelines::traces: references exporter "otlp/jaeger" which is not configured [collector/undefined-component]
 13 |       exporters: [debug, otlp/jaeger]
    |                          ^~~~~~~~~~~
  hint: define it under exporters: (or connectors:)
4 errors, 0 warnings
--- exit 1
