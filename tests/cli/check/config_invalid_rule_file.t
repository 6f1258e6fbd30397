# The rule files are checked as check rules checks them; their errors fail the config.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
rule_files: [rules.yml]
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Broken
        expr: rate(http_requests_total[5m]
--- stdout
--- stderr
--- exit 1
