# completion without a shell is a usage error (exit 2).
$ caxtool completion
--- stderr
caxtool: shell is required
Run 'caxtool completion --help' for usage.
--- exit 2
