# Findings as GitHub workflow commands.
$ caxtool --format github check collector otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  logging:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [logging]
--- stdout
::error file=otel.yaml,line=6,col=3,endLine=6,endColumn=10,title=collector/removed-component::the logging exporter has been deprecated, use the debug exporter instead%0Aremoved in v0.111.0; use debug
::warning file=otel.yaml,line=9,col=5,endLine=9,endColumn=11,title=collector/memory-limiter::service::pipelines::traces: no memory_limiter processor%0Adefine memory_limiter and list it first in processors
--- exit 1
