# - reads standard input; a directory gives its .yml and .yaml files.
$ caxtool check collector --lint none - conf
--- file conf/a.yaml
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: 0.0.0.0:4317
      http:
        endpoint: 0.0.0.0:4318
processors:
  memory_limiter:
    check_interval: 1s
    limit_mib: 512
    spike_limit_mib: 128
  batch:
exporters:
  prometheus:
    endpoint: 0.0.0.0:8889
  debug:
    verbosity: detailed
service:
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
      processors: [memory_limiter, batch]
      exporters: [prometheus, debug]
    traces:
      receivers: [otlp]
      processors: [memory_limiter, batch]
      exporters: [debug]
--- file conf/b.yml
receivers:
  otlp:
    protocols:
      grpc:
service:
  pipelines: {}
--- stdout
<stdin>: 0 components, 0 pipelines, invalid
conf/a.yaml: 5 components, 2 pipelines
conf/b.yml: 1 component, 0 pipelines, invalid
--- stderr
<stdin>: error: empty configuration file [collector/missing-section]
  hint: a collector config defines receivers, exporters and a service with pipelines
conf/b.yml:1:1: error: no exporter configuration specified in config [collector/missing-section]
 1 | receivers:
   | ^
conf/b.yml:6:14: error: service must have at least one pipeline [collector/pipeline]
 6 |   pipelines: {}
   |              ^~
3 errors, 0 warnings
--- exit 1
