# Components and extensions no pipeline or service::extensions uses.
$ caxtool check collector --lint collector/unused-component otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
  zipkin:
processors:
  batch:
exporters:
  debug:
  otlp/backup:
    endpoint: backup:4317
extensions:
  health_check:
  pprof:
service:
  extensions: [health_check]
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 7 components, 1 pipeline
--- stderr
otel.yaml:5:3: warning: receiver "zipkin" is defined but used by no pipeline [collector/unused-component]
 5 |   zipkin:
   |   ^~~~~~
  hint: add it to a pipeline, or remove it
otel.yaml:7:3: warning: processor "batch" is defined but used by no pipeline [collector/unused-component]
 7 |   batch:
   |   ^~~~~
  hint: add it to a pipeline, or remove it
otel.yaml:10:3: warning: exporter "otlp/backup" is defined but used by no pipeline [collector/unused-component]
 10 |   otlp/backup:
    |   ^~~~~~~~~~~
  hint: add it to a pipeline, or remove it
otel.yaml:14:3: warning: extension "pprof" is defined but not listed in service::extensions [collector/unused-component]
 14 |   pprof:
    |   ^~~~~
  hint: add it to service::extensions, or remove it
0 errors, 4 warnings
--- exit 0
