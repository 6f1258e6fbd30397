# --list-lints: the config checks, then the check rules checks the rule files get.
$ caxtool check config --list-lints
--- stdout
config/duplicate-target (warning): the same target and path scraped by two jobs
config/labeldrop-alert-label (warning): metric relabelling removes a label an alert reads
config/port-clash (warning): a local target on Prometheus's own port 9090
config/rate-window (warning): a rule's rate() window shorter than two scrapes of its job
config/relabel-never-matches (warning): a relabel rule that can never match
config/target-port (error): a static target whose port is not a port
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
record/name (info): a recording rule name outside level:metric:operations
--- exit 0
