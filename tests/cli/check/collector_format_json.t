# Findings as JSON.
$ caxtool --format json check collector --lint none otel.yaml
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
{
  "diagnostics": [
    {"file": "otel.yaml", "line": 6, "column": 3, "end_line": 6, "end_column": 10, "severity": "error", "check": "collector/removed-component", "message": "the logging exporter has been deprecated, use the debug exporter instead", "hint": "removed in v0.111.0; use debug"}
  ],
  "summary": {"errors": 1, "warnings": 0, "infos": 0}
}
--- exit 1
