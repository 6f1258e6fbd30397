# A key twice in one mapping.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 0 components, 0 pipelines, invalid
--- stderr
otel.yaml:7:1: error: duplicate key "exporters", first defined at line 5 [yaml/duplicate-key]
 7 | exporters:
   | ^~~~~~~~~
1 error, 0 warnings
--- exit 1
