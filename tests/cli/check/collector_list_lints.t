# The lint checks, with severities.
$ caxtool check collector --list-lints
--- stdout
collector/batch-order (warning): batch before memory_limiter or a sampler
collector/deprecated-component (warning): a component the chosen collector version still has, but a later one removed
collector/duplicate-in-pipeline (warning): the same receiver or exporter twice in a pipeline
collector/env-bare-dollar (warning): $NAME without braces: not expanded
collector/env-scheme (info): ${NAME} without the env: scheme
collector/literal-secret (warning): a literal secret where an ${env:...} belongs
collector/memory-limiter (warning): memory_limiter missing or not first
collector/port-clash (warning): two listeners on one port, or a port Caxton or Prometheus uses
collector/renamed-component (info): a type known by a deprecated alias
collector/self-metrics (warning): service::telemetry::metrics::address
collector/self-metrics-localhost (info): self-metrics served on localhost only
collector/unused-component (warning): a component defined but used by no pipeline
--- exit 0
