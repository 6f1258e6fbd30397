# Findings in the SARIF format of CLI.md: the pointer leads the message.
$ caxtool --format sarif check dashboard d.json
--- file d.json
{"uid": "u1", "title": "J", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
 "panels": [{"id": 1, "type": "stat", "title": "p", "targets": [{"expr": "up{"}]}]}
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
              "id": "dashboard/promql"
            }
          ]
        }
      },
      "columnKind": "unicodeCodePoints",
      "results": [
        {
          "ruleId": "dashboard/promql",
          "ruleIndex": 0,
          "level": "error",
          "message": {
            "text": "/panels/0/targets/0/expr: unexpected end of input inside braces"
          },
          "locations": [
            {
              "physicalLocation": {
                "artifactLocation": {
                  "uri": "d.json"
                },
                "region": {
                  "startLine": 2,
                  "startColumn": 78
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
