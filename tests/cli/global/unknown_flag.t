# An unknown global flag is a usage error (exit 2).
$ caxtool --frobnicate
--- stderr
caxtool: The following argument was not expected: --frobnicate
Run 'caxtool --help' for usage.
--- exit 2
