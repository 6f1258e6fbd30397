# Lint warnings fail the check only from --fail-on warning.
$ caxtool check collector --fail-on warning otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
  zipkin:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 3 components, 1 pipeline
--- stderr
otel.yaml:5:3: warning: receiver "zipkin" is defined but used by no pipeline [collector/unused-component]
 5 |   zipkin:
   |   ^~~~~~
  hint: add it to a pipeline, or remove it
otel.yaml:10:5: warning: service::pipelines::traces: no memory_limiter processor [collector/memory-limiter]
 10 |     traces:
    |     ^~~~~~
  hint: define memory_limiter and list it first in processors
0 errors, 2 warnings
--- exit 1
