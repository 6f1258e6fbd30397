# --limit is 1 to 10000, as Prometheus accepts.
$ caxtool tsdb status --url http://127.0.0.1:1 --limit 0
--- stderr
caxtool: --limit: Value 0 not in range 1 to 10000
Run 'caxtool tsdb --help' for usage.
--- exit 2
