# Without --dry-run the selected files are written and listed; a second identical run would
# find them unchanged.
$ caxtool generate --out out --only alertmanager,prometheus
--- after-cmd find out | sort
--- stdout
wrote     out/alertmanager/alertmanager.yml
wrote     out/prometheus/prometheus.flags
wrote     out/prometheus/prometheus.yml
3 of 3 files written to out
--- exit 0
--- after
out
out/alertmanager
out/alertmanager/alertmanager.yml
out/prometheus
out/prometheus/prometheus.flags
out/prometheus/prometheus.yml
