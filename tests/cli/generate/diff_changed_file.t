# --diff shows a unified diff of a file that would change and exits 1, writing nothing.
$ caxtool generate --out out --only alertmanager --diff
--- file out/alertmanager/alertmanager.yml
# Alertmanager configuration for Caxton, written by `caxtool generate`.
# Check with `amtool check-config alertmanager.yml`.

route:
  receiver: "caxton-oncall"
  group_by: ["alertname"]
  group_wait: 30s
  group_interval: 5m
  repeat_interval: 4h

receivers:
  - name: "caxton-oncall"
    webhook_configs:
      - url: "http://alertmanager-webhook:5001/"
        send_resolved: true
--- after-cmd grep group_by out/alertmanager/alertmanager.yml
--- stdout
--- a/out/alertmanager/alertmanager.yml
+++ b/out/alertmanager/alertmanager.yml
@@ -3,7 +3,7 @@
 
 route:
   receiver: "caxton-oncall"
-  group_by: ["alertname"]
+  group_by: ["alertname", "severity"]
   group_wait: 30s
   group_interval: 5m
   repeat_interval: 4h
--- exit 1
--- after
  group_by: ["alertname"]
