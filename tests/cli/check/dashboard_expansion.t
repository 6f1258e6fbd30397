# Variable expansion by context: csv lists in by (...), interval variables in subquery steps,
# numbers for _ms and topk, [[var]] inside a range, $1 in strings, a textbox holding matchers
# (cannot be judged: skipped). Only the two queries invalid whatever the values are reported.
$ caxtool check dashboard d.json
--- file d.json
{
 "uid": "x",
 "title": "x",
 "schemaVersion": 39,
 "time": {
  "from": "now-1h",
  "to": "now"
 },
 "templating": {
  "list": [
   {
    "name": "topk",
    "type": "custom",
    "query": "5,10"
   },
   {
    "name": "step",
    "type": "interval",
    "query": "1m"
   },
   {
    "name": "grp",
    "type": "custom",
    "query": "job,instance",
    "multi": true
   },
   {
    "name": "off",
    "type": "custom",
    "query": "1d"
   },
   {
    "name": "job",
    "type": "query"
   },
   {
    "name": "instance",
    "type": "query",
    "multi": true
   },
   {
    "name": "metric",
    "type": "query"
   },
   {
    "name": "label",
    "type": "query"
   },
   {
    "name": "filters",
    "type": "textbox"
   },
   {
    "name": "q",
    "type": "custom",
    "query": "0.99"
   },
   {
    "name": "interval",
    "type": "interval",
    "query": "5m"
   }
  ]
 },
 "panels": [
  {
   "id": 1,
   "type": "stat",
   "title": "p",
   "targets": [
    {
     "expr": "topk($topk, sum by (${grp:csv}) (rate(x_total[$__rate_interval:$step])))"
    },
    {
     "expr": "sum(increase(x_total[${__range_s}s])) offset $off"
    },
    {
     "expr": "label_replace(up, \"x\", \"$1\", \"instance\", \"(.*):.*\")"
    },
    {
     "expr": "rate(x_total{job=~\"$job\",instance=~\"${instance:pipe}\"}[$__rate_interval]) * $__interval_ms"
    },
    {
     "expr": "$metric{job=\"a\"}"
    },
    {
     "expr": "sum by ($label) (up)"
    },
    {
     "expr": "up{$filters}"
    },
    {
     "expr": "rate(x_total[$__rate_interval]) @ ${__to:date:seconds}"
    },
    {
     "expr": "histogram_quantile($q, sum by (le) (rate(x_bucket[[[interval]]])))"
    }
   ]
  }
 ]
}
--- stdout
d.json: 1 dashboard, 1 panel, 9 Prometheus queries
--- stderr
d.json:75:15: error: /panels/0/targets/1/expr: offset modifier must be preceded by an instant vector selector or range vector selector or a subquery [dashboard/promql]
 75 |      "expr": "sum(increase(x_total[${__range_s}s])) offset $off"
    |               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
d.json:93:15: error: /panels/0/targets/7/expr: @ modifier must be preceded by an instant vector selector or range vector selector or a subquery [dashboard/promql]
 93 |      "expr": "rate(x_total[$__rate_interval]) @ ${__to:date:seconds}"
    |               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
2 errors, 0 warnings
--- exit 1
