# With --enable-feature the experimental function is accepted.
$ caxtool check rules --lint none --prometheus-version 3.5 --enable-feature promql-experimental-functions rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:up:sorted
        expr: sort_by_label(up, "job")
--- stdout
rules.yml: 1 rule in 1 group
--- exit 0
