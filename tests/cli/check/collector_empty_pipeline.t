# A pipeline needs a receiver and an exporter; a processor may not appear twice.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      http:
processors:
  batch:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: []
      processors: [batch, batch]
      exporters: [debug]
    metrics:
      receivers: [otlp]
--- stdout
otel.yaml: 3 components, 2 pipelines, invalid
--- stderr
otel.yaml:11:5: error: service::pipelines::traces: must have at least one receiver [collector/pipeline]
 11 |     traces:
    |     ^~~~~~
otel.yaml:13:27: error: service::pipelines::traces: references processor "batch" multiple times [collector/pipeline]
 13 |       processors: [batch, batch]
    |                           ^~~~~
otel.yaml:15:5: error: service::pipelines::metrics: must have at least one exporter [collector/pipeline]
 15 |     metrics:
    |     ^~~~~~~
3 errors, 0 warnings
--- exit 1
