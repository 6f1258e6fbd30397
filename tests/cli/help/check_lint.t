# help check NAME explains a lint check and how to turn it off.
$ caxtool help check promql/histogram-le
--- stdout
promql/histogram-le (error): histogram_quantile() over an aggregation without le

A classic histogram is a set of _bucket series told apart by le. Aggregating them by (job) or without (le) merges the buckets, and histogram_quantile() then returns nothing: the alert can never fire and the panel stays empty. Keep le: sum by (job, le) (...).

Turn it off for one rule with a comment `# caxtool disable promql/histogram-le` in or above the rule, for a file with `# caxtool file/disable promql/histogram-le`, or everywhere with disable: in .caxtool.yml.
--- exit 0
