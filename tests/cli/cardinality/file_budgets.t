# An exposition file: the metric a label multiplies, the budgets it breaks, and a fix measured by
# reading the file again. Exit 1: a budget is exceeded.
$ caxtool cardinality --file metrics.prom --top 3 --max-series-per-metric 4 --forbid-label session
--- file metrics.prom
# TYPE chat_messages_total counter
chat_messages_total{agent="a",session="s1"} 1
chat_messages_total{agent="a",session="s2"} 1
chat_messages_total{agent="b",session="s3"} 1
chat_messages_total{agent="b",session="s4"} 1
chat_messages_total{agent="b",session="s5"} 1
# TYPE up gauge
up{job="x"} 1
--- stdout
Source: metrics.prom, the series one scrape of it adds
Total series: 6

Metrics by series
METRIC               SERIES  SHARE  LABEL WITH MOST VALUES
chat_messages_total  5       83.3%  session (5 values)
up                   1       16.7%  job (1 value)

Labels by distinct values
LABEL    VALUES  SERIES
session  5       5
agent    2       5
job      1       1

Label pairs by series
PAIR     SERIES
agent=b  3
agent=a  2
job=x    1

Budgets exceeded
KIND       NAME                 VALUE  BUDGET     FIX
metric     chat_messages_total  5      4          drop label session from chat_messages_total (5 values): 2 series remain (removes 3 series)
forbidden  session              5      forbidden  labeldrop session on every metric: 5 series become 2 (removes 3 series)

Suggested fix, for the scrape job's metric_relabel_configs:

metric_relabel_configs:
  # metric chat_messages_total has 5 series, over the budget of 4 per metric; removes 3 series
  - source_labels: [__name__]
    regex: 'chat_messages_total'
    target_label: session
    replacement: ''
  # forbidden label session is present (5 values); removes 3 series
  - action: labeldrop
    regex: 'session'
--- exit 1
