# The Caxton metrics integration guide's prometheus.yml: Caxton on Prometheus's own port, and a
# port range Prometheus does not expand.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
global:
  scrape_interval: 15s
  evaluation_interval: 15s

scrape_configs:
  - job_name: 'caxton-orchestrator'
    static_configs:
      - targets: ['localhost:9090']
    metrics_path: '/metrics'

  - job_name: 'caxton-agents'
    static_configs:
      - targets: ['localhost:9091-9099']
    metrics_path: '/metrics'

  - job_name: 'opentelemetry-collector'
    static_configs:
      - targets: ['localhost:8888']
--- stdout
--- stderr
--- exit 1
