# service::telemetry::metrics::address is gone since v0.128; a reader on localhost cannot be scraped from elsewhere.
$ caxtool check collector --lint collector/self-metrics,collector/self-metrics-localhost otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  telemetry:
    metrics:
      address: 0.0.0.0:8888
      readers:
        - pull:
            exporter:
              prometheus:
                host: localhost
                port: 8888
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 2 components, 1 pipeline, invalid
--- stderr
otel.yaml:10:7: error: service::telemetry::metrics: address was removed in v0.128.0 [collector/telemetry]
 10 |       address: 0.0.0.0:8888
    |       ^~~~~~~
  hint: use readers: [{pull: {exporter: {prometheus: {host: 0.0.0.0, port: 8888}}}}]
otel.yaml:15:23: info: the collector's own metrics are served on localhost only: a Prometheus in another container or host cannot scrape them [collector/self-metrics-localhost]
 15 |                 host: localhost
    |                       ^~~~~~~~~
  hint: set host: 0.0.0.0 (or the pod IP) when Prometheus scrapes the collector remotely
1 error, 0 warnings
--- exit 1
