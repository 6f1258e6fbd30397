# Listen endpoints must be host:port; client endpoints host:port or a URL.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0
      http:
        endpoint: http://0.0.0.0:4318
  zipkin:
    endpoint: localhost:94110
exporters:
  prometheus:
    endpoint: ":8889"
  otlphttp:
    endpoint: collector:4318
  otlp:
    endpoint: "[::1]:4317"
service:
  pipelines:
    traces:
      receivers: [otlp, zipkin]
      exporters: [otlphttp, otlp]
    metrics:
      receivers: [otlp]
      exporters: [prometheus]
--- stdout
otel.yaml: 5 components, 2 pipelines, invalid
--- stderr
otel.yaml:5:19: error: receivers::otlp: endpoint "0.0.0.0": missing port in address [collector/endpoint]
 5 |         endpoint: 0.0.0.0
   |                   ^~~~~~~
  hint: a listen address is host:port, e.g. 0.0.0.0:4317
otel.yaml:7:19: error: receivers::otlp: endpoint "http://0.0.0.0:4318": a listen address is host:port, without a scheme [collector/endpoint]
 7 |         endpoint: http://0.0.0.0:4318
   |                   ^~~~~~~~~~~~~~~~~~~
  hint: a listen address is host:port, e.g. 0.0.0.0:4317
otel.yaml:9:15: error: receivers::zipkin: endpoint "localhost:94110": invalid port "94110" [collector/endpoint]
 9 |     endpoint: localhost:94110
   |               ^~~~~~~~~~~~~~~
  hint: a listen address is host:port, e.g. 0.0.0.0:4317
otel.yaml:14:15: error: exporters::otlphttp: endpoint: "collector:4318": not a URL (scheme://host:port) [collector/endpoint]
 14 |     endpoint: collector:4318
    |               ^~~~~~~~~~~~~~
  hint: an OTLP/HTTP endpoint is a URL such as https://otlp.example.com:4318
4 errors, 0 warnings
--- exit 1
