# A receiver or exporter listed twice in one pipeline.
$ caxtool check collector --lint collector/duplicate-in-pipeline otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp, otlp]
      exporters: [debug, debug]
--- stdout
otel.yaml: 2 components, 1 pipeline
--- stderr
otel.yaml:10:25: warning: service::pipelines::traces: receiver "otlp" listed twice [collector/duplicate-in-pipeline]
 10 |       receivers: [otlp, otlp]
    |                         ^~~~
otel.yaml:11:26: warning: service::pipelines::traces: exporter "debug" listed twice [collector/duplicate-in-pipeline]
 11 |       exporters: [debug, debug]
    |                          ^~~~~
0 errors, 2 warnings
--- exit 0
