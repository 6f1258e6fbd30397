# --format sarif prints one SARIF 2.1.0 log on stdout.
$ caxtool --format sarif generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  servce: caxton
backends:
  datadog:
    apiKey: abc123
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
              "id": "values/literal-secret"
            },
            {
              "id": "values/unknown-key"
            }
          ]
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "values/unknown-key",
          "ruleIndex": 1,
          "level": "error",
          "message": {
            "text": "unknown key \"servce\" in identity (did you mean \"service\"?)"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "values.yaml"
                },
                "region": {
                  "startLine": 3,
                  "startColumn": 3,
                  "endLine": 3,
                  "endColumn": 9
                }
              }
            }
          ]
        },
        {
          "ruleId": "values/literal-secret",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "backends.datadog.apiKey: a secret must be an environment reference, not a literal value (write ${env:NAME} and export NAME where the collector runs; a key in a values file ends up in git)"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "values.yaml"
                },
                "region": {
                  "startLine": 6,
                  "startColumn": 13,
                  "endLine": 6,
                  "endColumn": 19
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
