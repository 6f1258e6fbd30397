# A profiles pipeline is behind otelcol's service.profilesSupport gate: a warning without
# --feature-gates service.profilesSupport.
$ caxtool check collector --lint none --fail-on warning otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  debug:
service:
  pipelines:
    profiles:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 2 components, 1 pipeline
--- stderr
otel.yaml:9:5: warning: pipeline "profiles": profiling signal support is at alpha level, gated under the "service.profilesSupport" feature gate [collector/feature-gate]
 9 |     profiles:
   |     ^~~~~~~~
  hint: run the collector (and this check) with --feature-gates=service.profilesSupport
0 errors, 1 warning
--- exit 1
