# caxtool help check NAME explains a metrics lint.
$ caxtool help check metrics/help
--- stdout
metrics/help (warning): a metric family without HELP

HELP text is what a person reads in the metrics explorer and in the /metrics page. promtool check metrics reports "no help text" for every family without a HELP line (an empty HELP counts as none).

Turn it off with `caxtool check metrics --lint` naming the checks to keep, or --lint none.
--- exit 0
