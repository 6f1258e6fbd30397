# Component IDs are type[/name]: both parts non-empty, the type in [a-zA-Z][0-9a-zA-Z_]*.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
  /nameonly:
  otlp/:
  otel-arrow:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 2 components, 1 pipeline, invalid
--- stderr
otel.yaml:5:3: error: receivers: in "/nameonly" id: the part before / should not be empty [collector/invalid-id]
 5 |   /nameonly:
   |   ^~~~~~~~~
otel.yaml:6:3: error: receivers: in "otlp/" id: the part after / should not be empty [collector/invalid-id]
 6 |   otlp/:
   |   ^~~~~
otel.yaml:7:3: error: receivers: in "otel-arrow" id: invalid character(s) in type "otel-arrow" [collector/invalid-id]
 7 |   otel-arrow:
   |   ^~~~~~~~~~
3 errors, 0 warnings
--- exit 1
