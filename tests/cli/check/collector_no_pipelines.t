# No receivers, no exporters, no pipelines: otelcol's three messages.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
processors:
  batch:
service:
  pipelines: {}
--- stdout
otel.yaml: 1 component, 0 pipelines, invalid
--- stderr
otel.yaml:1:1: error: no receiver configuration specified in config [collector/missing-section]
 1 | processors:
   | ^
otel.yaml:1:1: error: no exporter configuration specified in config [collector/missing-section]
 1 | processors:
   | ^
otel.yaml:4:14: error: service must have at least one pipeline [collector/pipeline]
 4 |   pipelines: {}
   |              ^~
3 errors, 0 warnings
--- exit 1
