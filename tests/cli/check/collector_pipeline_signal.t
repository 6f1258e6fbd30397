# Pipeline IDs are traces, metrics, logs or profiles, with an optional /name.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  pipelines:
    trace:
      receivers: [otlp]
      exporters: [debug]
    metrics/:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 2 components, 1 pipeline, invalid
--- stderr
otel.yaml:9:5: error: service::pipelines: in "trace" id: unknown pipeline signal: "trace" [collector/pipeline]
 9 |     trace:
   |     ^~~~~
  hint: a pipeline is named traces, metrics, logs or profiles, optionally /NAME
otel.yaml:12:5: error: service::pipelines: in "metrics/" id: the part after / should not be empty [collector/invalid-id]
 12 |     metrics/:
    |     ^~~~~~~~
2 errors, 0 warnings
--- exit 1
