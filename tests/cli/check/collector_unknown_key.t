# Unknown keys at the top level, in service, in a pipeline and in telemetry.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
recievers:
  otlp:
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  pipeline: {}
  telemetry:
    metric:
      level: basic
  pipelines:
    traces:
      receivers: [otlp]
      connectors: [forward]
      exporters: [debug]
--- stdout
otel.yaml: 2 components, 1 pipeline, invalid
--- stderr
otel.yaml:1:1: error: unknown top-level key "recievers" (a collector config has receivers, processors, exporters, connectors, extensions and service) [collector/unknown-key]
 1 | recievers:
   | ^~~~~~~~~
  hint: did you mean "receivers"?
otel.yaml:10:3: error: service: unknown key "pipeline" [collector/unknown-key]
 10 |   pipeline: {}
    |   ^~~~~~~~
  hint: did you mean "pipelines"?
otel.yaml:12:5: error: service::telemetry: unknown key "metric" [collector/unknown-key]
 12 |     metric:
    |     ^~~~~~
otel.yaml:17:7: error: service::pipelines::traces: unknown key "connectors" [collector/unknown-key]
 17 |       connectors: [forward]
    |       ^~~~~~~~~~
  hint: connectors go in receivers and exporters
4 errors, 0 warnings
--- exit 1
