# # caxtool disable NAME turns a check off for one rule; file/disable for the file.
$ caxtool check rules rules.yml
--- file rules.yml
# caxtool file/disable record/name
groups:
  - name: g
    rules:
      # caxtool disable promql/counter
      - record: memory_rate
        expr: rate(process_resident_memory_bytes[5m])
      - record: other_rate
        expr: rate(process_open_fds[5m])
--- stdout
rules.yml: 2 rules in 1 group
--- stderr
rules.yml:9:20: warning: rate() over process_open_fds, which is not named like a counter (_total, _count, _sum, _bucket) [promql/counter]
 9 |         expr: rate(process_open_fds[5m])
   |                    ^~~~~~~~~~~~~~~~~~~~
  hint: use deriv() or delta() for a gauge, or rename the counter to end in _total
0 errors, 1 warning
--- exit 0
