# --file reads a file, --selector a server's series: not both.
$ caxtool cardinality --file metrics.prom --selector up
--- stderr
caxtool: --selector excludes --file
Run 'caxtool cardinality --help' for usage.
--- exit 2
