# A --color value outside auto|always|never is a usage error (exit 2).
$ caxtool --color sometimes generate --dry-run
--- stderr
caxtool: --color: sometimes not in {auto,always,never}
Run 'caxtool generate --help' for usage.
--- exit 2
