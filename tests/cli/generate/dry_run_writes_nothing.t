# --dry-run prints the files it would write and writes nothing, not even the output directory.
$ caxtool generate --out out --only alertmanager --dry-run
--- after-cmd find . | sort
--- stdout
==> out/alertmanager/alertmanager.yml (new) <==
# Alertmanager configuration for Caxton, written by `caxtool generate`.
# Check with `amtool check-config alertmanager.yml`.

route:
  receiver: "caxton-oncall"
  group_by: ["alertname", "severity"]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h

receivers:
  - name: "caxton-oncall"
    webhook_configs:
      - url: "http://alertmanager-webhook:5001/"
        send_resolved: true
--- exit 0
--- after
.
