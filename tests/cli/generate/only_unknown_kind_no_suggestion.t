# --only with a kind nothing like a real one lists the kinds.
$ caxtool generate --dry-run --only dashboards
--- stderr
error: --only: unknown kind "dashboards" [usage]
  hint: kinds are alertmanager, collector, grafana, prometheus, rules
1 error, 0 warnings
--- exit 2
