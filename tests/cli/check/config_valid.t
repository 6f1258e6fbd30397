# A valid prometheus.yml with a rule file: the summary line, nothing else.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
global:
  scrape_interval: 15s
rule_files:
  - rules/*.yml
scrape_configs:
  - job_name: node
    static_configs:
      - targets: ['node1:9100', 'node2:9100']
        labels: {env: prod}
--- file rules/node.yml
groups:
  - name: node
    rules:
      - alert: NodeDown
        expr: up{job="node"} == 0
        for: 5m
        annotations:
          summary: "{{ $labels.instance }} is down"
          description: "node exporter on {{ $labels.instance }} has not answered for 5 minutes"
--- stdout
prometheus.yml: 1 scrape config, 1 rule file
--- exit 0
