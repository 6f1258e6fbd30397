# rate over a gauge-named metric.
$ caxtool check rules --lint promql/counter rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:memory:rate5m
        expr: rate(process_resident_memory_bytes[5m])
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:5:20: warning: rate() over process_resident_memory_bytes, which is not named like a counter (_total, _count, _sum, _bucket) [promql/counter]
 5 |         expr: rate(process_resident_memory_bytes[5m])
   |                    ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: use deriv() or delta() for a gauge, or rename the counter to end in _total
0 errors, 1 warning
--- exit 0
