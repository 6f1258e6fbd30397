# --diff on an up-to-date output directory prints nothing and exits 0.
$ caxtool generate --out out --only alertmanager --diff
--- file out/alertmanager/alertmanager.yml
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
