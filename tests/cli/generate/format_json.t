# --format json puts the diagnostics of a bad values file on stdout as one JSON document.
$ caxtool --format json generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  servce: caxton
backends:
  datadog:
    apiKey: abc123
--- stdout
{
  "diagnostics": [
    {"file": "values.yaml", "line": 3, "column": 3, "end_line": 3, "end_column": 9, "severity": "error", "check": "values/unknown-key", "message": "unknown key \"servce\" in identity", "hint": "did you mean \"service\"?"},
    {"file": "values.yaml", "line": 6, "column": 13, "end_line": 6, "end_column": 19, "severity": "error", "check": "values/literal-secret", "message": "backends.datadog.apiKey: a secret must be an environment reference, not a literal value", "hint": "write ${env:NAME} and export NAME where the collector runs; a key in a values file ends up in git"}
  ],
  "summary": {"errors": 2, "warnings": 0, "infos": 0}
}
--- exit 1
