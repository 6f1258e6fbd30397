# --explain prints a check's explanation.
$ caxtool check rules --explain promql/histogram-le
--- stderr
caxtool: files is required
Run 'caxtool check --help' for usage.
--- exit 2
