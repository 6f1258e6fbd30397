# Two listeners on one port, and a port Caxton's guide reserves.
$ caxtool check collector --lint collector/port-clash otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
      http:
        endpoint: 0.0.0.0:9090
exporters:
  prometheus:
    endpoint: 0.0.0.0:8888
extensions:
  health_check:
    endpoint: 127.0.0.1:13133
  zpages:
    endpoint: 10.0.0.1:13133
service:
  extensions: [health_check, zpages]
  telemetry:
    metrics:
      readers:
        - pull:
            exporter:
              prometheus:
                host: 0.0.0.0
                port: 8888
  pipelines:
    metrics:
      receivers: [otlp]
      exporters: [prometheus]
--- stdout
otel.yaml: 4 components, 1 pipeline
--- stderr
otel.yaml:7:19: warning: receivers::otlp listens on port 9090, used by Caxton's metrics and Prometheus's own listen address [collector/port-clash]
 7 |         endpoint: 0.0.0.0:9090
   |                   ^~~~~~~~~~~~
  hint: the collector's ports are 4317/4318 (OTLP), 8888 (self-metrics), 8889 (prometheus exporter)
otel.yaml:25:23: warning: service::telemetry::metrics::readers listens on port 8888, as exporters::prometheus does (line 10) [collector/port-clash]
 25 |                 port: 8888
    |                       ^~~~
  hint: two listeners on one port fail at start with 'address already in use'
0 errors, 2 warnings
--- exit 0
