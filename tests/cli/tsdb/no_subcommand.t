# tsdb needs its subcommand.
$ caxtool tsdb
--- stderr
caxtool: A subcommand is required
Run 'caxtool tsdb --help' for usage.
--- exit 2
