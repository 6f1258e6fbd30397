# otlp and otlphttp exporters became otlp_grpc and otlp_http in v0.144.0: info; before v0.144 the new names are unknown.
$ caxtool check collector --fail-on info --lint collector/renamed-component otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  otlp/jaeger:
    endpoint: jaeger:4317
  otlp_http:
    endpoint: https://example.com
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [otlp/jaeger, otlp_http]
--- stdout
otel.yaml: 3 components, 1 pipeline
--- stderr
otel.yaml:6:3: info: "otlp" alias is deprecated; use "otlp_grpc" instead [collector/renamed-component]
 6 |   otlp/jaeger:
   |   ^~~~~~~~~~~
  hint: the exporter was renamed in v0.144.0; keep the old name while collectors older than that must read the config
0 errors, 0 warnings
--- exit 1
