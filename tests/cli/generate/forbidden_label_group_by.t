# conversation_id in alertmanager.groupBy is refused at the list item.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
alertmanager:
  groupBy: [alertname, conversation_id]
--- stderr
values.yaml:3:24: error: alertmanager.groupBy: label "conversation_id" is forbidden: its values are unbounded, so every new one makes new series [values/forbidden-label]
 3 |   groupBy: [alertname, conversation_id]
   |                        ^~~~~~~~~~~~~~~
  hint: keep per-request IDs on spans and logs, or attach them to latency histograms as exemplars, never as metric labels
1 error, 0 warnings
--- exit 1
