# The OTLP receiver needs a protocol, exporters their endpoints, debug a known verbosity.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
exporters:
  otlp:
  otlphttp:
    encoding: xml
  debug:
    verbosity: verbose
  prometheus:
service:
  pipelines:
    metrics:
      receivers: [otlp]
      exporters: [otlp, otlphttp, debug, prometheus]
--- stdout
otel.yaml: 5 components, 1 pipeline, invalid
--- stderr
otel.yaml:2:3: error: receivers::otlp: must specify at least one protocol when using the OTLP receiver [collector/component-config]
 2 |   otlp:
   |   ^~~~
  hint: protocols: {grpc: {endpoint: 0.0.0.0:4317}, http: {endpoint: 0.0.0.0:4318}}
otel.yaml:4:3: error: exporters::otlp: requires a non-empty "endpoint" [collector/component-config]
 4 |   otlp:
   |   ^~~~
  hint: the OTLP gRPC receiver's host:port, e.g. jaeger:4317
otel.yaml:5:3: error: exporters::otlphttp: at least one endpoint must be specified [collector/component-config]
 5 |   otlphttp:
   |   ^~~~~~~~
otel.yaml:6:15: error: exporters::otlphttp: invalid encoding type: xml [collector/component-config]
 6 |     encoding: xml
   |               ^~~
otel.yaml:8:16: error: exporters::debug: verbosity level "verbose" is not supported [collector/component-config]
 8 |     verbosity: verbose
   |                ^~~~~~~
  hint: basic, normal or detailed
otel.yaml:9:3: error: exporters::prometheus: requires an "endpoint" to serve metrics on [collector/component-config]
 9 |   prometheus:
   |   ^~~~~~~~~~
  hint: e.g. 0.0.0.0:8889
6 errors, 0 warnings
--- exit 1
