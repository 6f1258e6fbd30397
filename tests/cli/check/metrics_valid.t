# a valid exposition: promtool's verdict 0, a summary line on stdout.
$ caxtool check metrics m.prom
--- file m.prom
# HELP http_requests_total Requests.
# TYPE http_requests_total counter
http_requests_total{code="200"} 3
--- stdout
m.prom: 1 metric family, 1 sample (Prometheus text)
--- exit 0
