# caxtool help check NAME explains a config lint.
$ caxtool help check config/port-clash
--- stdout
config/port-clash (warning): a local target on Prometheus's own port 9090

Prometheus listens on 9090 by default, and the Caxton metrics integration guide also puts Caxton's orchestrator metrics on 9090. On one host both cannot hold the port: the job named for Caxton ends up scraping Prometheus itself. Move Caxton's metrics port (server.metrics_port) or Prometheus (--web.listen-address), and scrape the new port. A job named like prometheus scraping itself is not reported.

Turn it off for one line of prometheus.yml with a comment `# caxtool disable config/port-clash` on or above it, for a file with `# caxtool file/disable config/port-clash`, or with `caxtool check config --lint` naming the checks to keep.
--- exit 0
