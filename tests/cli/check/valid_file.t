# A valid file: a summary line on stdout, exit 0.
$ caxtool check rules rules.yml
--- file rules.yml
groups:
  - name: caxton
    rules:
      - record: job:caxton_messages_processed:rate5m
        expr: sum by (job) (rate(caxton_messages_processed_total[5m]))
      - alert: CaxtonDown
        expr: up{job="caxton"} == 0
        for: 1m
        annotations:
          summary: "{{ $labels.instance }} is down"
          description: "up has been 0 for a minute"
--- stdout
rules.yml: 2 rules in 1 group
--- exit 0
