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
prometheus.yml: 3 scrape configs, 0 rule files
--- stderr
prometheus.yml:8:19: warning: job "caxton-orchestrator" scrapes localhost:9090, the port Prometheus itself listens on by default [config/port-clash]
 8 |       - targets: ['localhost:9090']
   |                   ^
  hint: move the exporter (Caxton: server.metrics_port) or Prometheus (--web.listen-address) to another port
prometheus.yml:13:19: error: target localhost:9091-9099 in job "caxton-agents" has port '9091-9099', which is not a port (ranges are not expanded) [config/target-port]
 13 |       - targets: ['localhost:9091-9099']
    |                   ^
  hint: list one host:port per target
1 error, 1 warning
--- exit 1
