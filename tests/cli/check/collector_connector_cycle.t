# Pipelines that feed each other through a forward connector.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
connectors:
  forward/a:
  forward/b:
service:
  pipelines:
    traces/in:
      receivers: [otlp, forward/b]
      exporters: [forward/a]
    traces/out:
      receivers: [forward/a]
      exporters: [debug, forward/b]
--- stdout
otel.yaml: 4 components, 2 pipelines, invalid
--- stderr
otel.yaml:12:5: error: cycle detected: traces/in -> traces/out -> traces/in [collector/connector]
 12 |     traces/in:
    |     ^~~~~~~~~
  hint: a connector must not feed data back into a pipeline it comes from
1 error, 0 warnings
--- exit 1
