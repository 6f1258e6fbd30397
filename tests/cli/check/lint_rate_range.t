# rate over a window shorter than two scrape intervals.
$ caxtool check rules --lint promql/rate-range --scrape-interval 30s rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - record: job:requests:rate30s
        expr: sum by (job) (rate(requests_total[30s]))
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:5:34: warning: rate() over 30s sees fewer than two samples at a 30s scrape interval [promql/rate-range]
 5 |         expr: sum by (job) (rate(requests_total[30s]))
   |                                  ^~~~~~~~~~~~~~~~~~~
  hint: use a range of at least 2m (four scrapes), or set --scrape-interval
0 errors, 1 warning
--- exit 0
