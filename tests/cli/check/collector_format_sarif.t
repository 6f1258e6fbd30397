# Findings as SARIF 2.1.0.
$ caxtool --format sarif check collector --lint none otel.yaml
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
  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
  "version": "2.1.0",
  "runs": [
    {
      "tool": {
        "driver": {
          "name": "caxtool",
          "version": "0.6.0",
          "rules": [
            {
              "id": "collector/removed-component"
            }
          ]
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "collector/removed-component",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "the logging exporter has been deprecated, use the debug exporter instead (removed in v0.111.0; use debug)"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "otel.yaml"
                },
                "region": {
                  "startLine": 6,
                  "startColumn": 3,
                  "endLine": 6,
                  "endColumn": 10
                }
              }
            }
          ]
        }
      ]
    }
  ]
}
--- exit 1
