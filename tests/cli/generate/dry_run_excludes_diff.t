# --dry-run and --diff together are a usage error (exit 2).
$ caxtool generate --dry-run --diff
--- stderr
caxtool: --dry-run excludes --diff
Run 'caxtool generate --help' for usage.
--- exit 2
