# .caxtool.yml's collector: section picks the release and the distribution (logging is still
# in otelcol 0.110, filelog never was) and disables two lints (no memory_limiter is reported).
$ caxtool check collector otel.yaml
--- file .caxtool.yml
collector:
  collectorVersion: "0.110"
  distribution: core
  disable: [collector/memory-limiter, collector/batch-order]
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
  filelog:
    include: [/var/log/*.log]
processors:
  batch:
exporters:
  logging:
service:
  pipelines:
    logs:
      receivers: [otlp, filelog]
      processors: [batch]
      exporters: [logging]
--- stdout
otel.yaml: 4 components, 1 pipeline, invalid
--- stderr
otel.yaml:5:3: error: unknown type: "filelog" for id: "filelog" (the receiver is in otelcol-contrib, not otelcol) [collector/not-in-distribution]
 5 |   filelog:
   |   ^~~~~~~
  hint: run otelcol-contrib, or check with --distribution contrib
otel.yaml:10:3: warning: the logging exporter is removed in v0.111.0 [collector/deprecated-component]
 10 |   logging:
    |   ^~~~~~~
  hint: use debug
1 error, 1 warning
--- exit 1
