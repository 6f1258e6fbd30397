# Rate windows: fixed windows under an hour and $__interval are reported (info), deliberate
# variables and long windows are not; rate over a gauge; histogram_quantile losing le.
$ caxtool check dashboard --fail-on info d.json
--- file d.json
{
  "uid": "u1", "title": "Rates", "schemaVersion": 39, "time": {"from": "now-1h", "to": "now"},
  "templating": {"list": [{"name": "window", "type": "interval", "query": "5m,1h"}]},
  "panels": [
    {"id": 1, "type": "stat", "title": "a", "targets": [
      {"expr": "rate(a_total[5m]) + irate(b_total[$__interval]) + increase(c_total[$window])"},
      {"expr": "increase(d_total[1d]) + rate(e_total[$__range])"},
      {"expr": "rate(memory_used_bytes[$__rate_interval])"},
      {"expr": "histogram_quantile(0.9, sum by (job) (rate(h_seconds_bucket[$__rate_interval])))"}
    ]}
  ]
}
--- stdout
d.json: 1 dashboard, 1 panel, 4 Prometheus queries
--- stderr
d.json:6:30: info: /panels/0/targets/0/expr: rate() over [5m] instead of [$__rate_interval] [dashboard/rate-interval]
 6 |       {"expr": "rate(a_total[5m]) + irate(b_total[$__interval]) + increase(c_total[$window])"},
   |                              ^~
  hint: a fixed window goes blank when the step or the scrape interval outgrows it
d.json:6:51: info: /panels/0/targets/0/expr: irate() over [$__interval] instead of [$__rate_interval] [dashboard/rate-interval]
 6 |       {"expr": "rate(a_total[5m]) + irate(b_total[$__interval]) + increase(c_total[$window])"},
   |                                                   ^~~~~~~~~~~
  hint: a fixed window goes blank when the step or the scrape interval outgrows it
d.json:8:22: info: /panels/0/targets/2/expr: rate() over memory_used_bytes, which is not named like a counter (_total, _count, _sum, _bucket) [dashboard/rate-counter]
 8 |       {"expr": "rate(memory_used_bytes[$__rate_interval])"},
   |                      ^~~~~~~~~~~~~~~~~
  hint: use deriv() or delta() for a gauge
d.json:9:41: warning: /panels/0/targets/3/expr: sum by drops the le label, so histogram_quantile() has no buckets to read [dashboard/histogram-le]
 9 |       {"expr": "histogram_quantile(0.9, sum by (job) (rate(h_seconds_bucket[$__rate_interval])))"}
   |                                         ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: add le to by (...)
0 errors, 1 warning
--- exit 1
