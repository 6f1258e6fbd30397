# --list-lints lists every lint check.
$ caxtool check rules --list-lints
--- stdout
alerts/annotations (warning): an alert without summary or description
alerts/for (info): an alert that fires on the first bad evaluation
alerts/template-labels (warning): a template reading a label the expression aggregates away
duplicate-rules (warning): two rules with the same name and labels
group/interval (error): a group interval or limit that cannot work
labels/forbidden (error): a rule that creates a high-cardinality label
labels/value-template (error): an alert label that changes on every evaluation
promql/counter (warning): rate() or increase() over a metric not named as a counter
promql/histogram-le (error): histogram_quantile() over an aggregation without le
promql/impossible (error): a comparison that can never hold
promql/rate-range (warning): a rate window shorter than two scrape intervals
record/name (info): a recording rule name outside level:metric:operations
--- exit 0
