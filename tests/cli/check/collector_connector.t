# spanmetrics turns traces into metrics: used as receiver of a logs pipeline it has no supported exporter side.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
connectors:
  spanmetrics:
  count:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [spanmetrics]
    logs:
      receivers: [spanmetrics]
      exporters: [debug]
    metrics:
      receivers: [otlp]
      exporters: [count]
--- stdout
otel.yaml: 4 components, 3 pipelines, invalid
--- stderr
otel.yaml:14:19: error: connector "spanmetrics" used as exporter in [traces] pipeline but not used in any supported receiver pipeline [collector/connector]
 14 |       exporters: [spanmetrics]
    |                   ^~~~~~~~~~~
  hint: list it under receivers of a pipeline that takes what it emits
otel.yaml:16:19: error: connector "spanmetrics" used as receiver in [logs] pipeline but not used in any supported exporter pipeline [collector/connector]
 16 |       receivers: [spanmetrics]
    |                   ^~~~~~~~~~~
  hint: list it under exporters of a pipeline whose data it takes
otel.yaml:20:19: error: connector "count" used as exporter in [metrics] pipeline but not used in any supported receiver pipeline [collector/connector]
 20 |       exporters: [count]
    |                   ^~~~~
  hint: list it under receivers of a pipeline that takes what it emits
3 errors, 0 warnings
--- exit 1
