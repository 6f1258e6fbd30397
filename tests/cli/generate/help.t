# generate --help lists every flag of generate and its description.
$ caxtool generate --help
--- stdout
write the monitoring stack for a Caxton deployment
Usage: caxtool generate [OPTIONS]

Options:
  -h,--help                   print help and exit
  --values FILE               values file (YAML, apiVersion: caxtool/v1)
  --set KEY=VALUE ...         override one value, e.g. --set alerts.highErrorRate.threshold=0.05 (repeatable)
  --out DIR                   output directory (default: ./caxton-monitoring)
  --only KIND,... ...         only these kinds: alertmanager, collector, grafana, prometheus, rules
  --force                     overwrite files that differ from what would be written
  --dry-run Excludes: --diff  print what would be written; write nothing
  --diff Excludes: --dry-run  show what would change in the output directory; exit 1 if anything would
  --show-values               print the built-in default values (the documented schema) and exit

Writes prometheus.yml with its flags file, alert and recording rules with their unit tests, the OpenTelemetry Collector config, Grafana dashboards and provisioning, and the Alertmanager config, from templates compiled into caxtool. Values come from the built-in defaults (print them with --show-values), a values file (--values, schema caxtool/v1) and --set overrides, in that order. Every value is checked before anything is written; files are written atomically, and a file that differs on disk is only replaced with --force.
--- exit 0
