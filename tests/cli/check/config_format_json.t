# --format json: one document with every finding.
$ caxtool --format json check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: node
    scrape_interval: 30
    static_configs:
      - targets: ['localhost:9090']
--- stdout
{
  "diagnostics": [
    {"file": "prometheus.yml", "line": 3, "column": 22, "end_line": 0, "end_column": 0, "severity": "error", "check": "config/duration", "message": "not a valid duration string: \"30\"", "hint": "a duration is digits and units y w d h m s ms, largest first, e.g. 1m30s"}
  ],
  "summary": {"errors": 1, "warnings": 0, "infos": 0}
}
--- exit 1
