# The collector config of the Caxton metrics guide: logging and jaeger are gone, resource actions lack `action`.
$ caxtool check collector seed.yaml
--- file seed.yaml
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
      http:
        endpoint: 0.0.0.0:4318

  prometheus:
    config:
      scrape_configs:
        - job_name: 'caxton-metrics'
          scrape_interval: 10s
          static_configs:
            - targets: ['localhost:9090']

processors:
  batch:
    timeout: 10s
    send_batch_size: 1024

  memory_limiter:
    check_interval: 1s
    limit_mib: 512
    spike_limit_mib: 128

  resource:
    attributes:
      - key: service.name
        value: "caxton"
      - key: service.version
        from_attribute: version

exporters:
  prometheus:
    endpoint: "0.0.0.0:8889"

  logging:
    loglevel: debug

  jaeger:
    endpoint: jaeger-collector:14250
    tls:
      insecure: true

service:
  pipelines:
    metrics:
      receivers: [otlp, prometheus]
      processors: [memory_limiter, batch, resource]
      exporters: [prometheus, logging]

    traces:
      receivers: [otlp]
      processors: [memory_limiter, batch, resource]
      exporters: [jaeger, logging]
--- stdout
seed.yaml: 8 components, 2 pipelines, invalid
--- stderr
seed.yaml:29:9: error: processors::resource: error creating AttrProc due to unsupported action "" at the 0-th actions [collector/component-config]
 29 |       - key: service.name
    |         ^
  hint: every action needs `action:` (insert, update, upsert, delete, hash, extract or convert)
seed.yaml:31:9: error: processors::resource: error creating AttrProc due to unsupported action "" at the 1-th actions [collector/component-config]
 31 |       - key: service.version
    |         ^
  hint: every action needs `action:` (insert, update, upsert, delete, hash, extract or convert)
seed.yaml:38:3: error: the logging exporter has been deprecated, use the debug exporter instead [collector/removed-component]
 38 |   logging:
    |   ^~~~~~~
  hint: removed in v0.111.0; use debug
seed.yaml:41:3: error: the jaeger exporter was removed in v0.85.0 [collector/removed-component]
 41 |   jaeger:
    |   ^~~~~~
  hint: use otlp (Jaeger takes OTLP on 4317)
4 errors, 0 warnings
--- exit 1
