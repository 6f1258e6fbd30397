# the lint checks, one line each.
$ caxtool check metrics --list-lints
--- stdout
metrics/camel-case (warning): a metric or label name in camelCase
metrics/counter (warning): a counter without _total, or _total on a non-counter
metrics/duplicate-series (info): the same series twice in one exposition
metrics/help (warning): a metric family without HELP
metrics/histogram-buckets (info): histogram buckets out of order, or without +Inf
metrics/histogram-summary-reserved (warning): a histogram or summary suffix or label on another type
metrics/reserved-chars (warning): a colon in a metric name
metrics/type-in-name (warning): the metric type in the name
metrics/unit-abbreviations (warning): an abbreviated unit in the name
metrics/units (warning): a unit other than the base unit
--- exit 0
