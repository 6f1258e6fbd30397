# --explain prints a check's explanation.
$ caxtool check rules --explain promql/histogram-le
--- stdout
promql/histogram-le (error)

A classic histogram is a set of _bucket series told apart by le. Aggregating them by (job) or without (le) merges the buckets, and histogram_quantile() then returns nothing: the alert can never fire and the panel stays empty. Keep le: sum by (job, le) (...).
--- exit 0
