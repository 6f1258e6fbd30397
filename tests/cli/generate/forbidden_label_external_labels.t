# conversation_id as an external label is refused: unbounded values, one series each.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  externalLabels:
    region: eu-west-1
    conversation_id: abc
--- stderr
values.yaml:5:5: error: identity.externalLabels.conversation_id: label "conversation_id" is forbidden: its values are unbounded, so every new one makes new series [values/forbidden-label]
 5 |     conversation_id: abc
   |     ^~~~~~~~~~~~~~~
  hint: keep per-request IDs on spans and logs, or attach them to latency histograms as exemplars, never as metric labels
1 error, 0 warnings
--- exit 1
