# An unknown flag of generate is a usage error (exit 2) pointing at generate's help.
$ caxtool generate --froce
--- stderr
caxtool: The following argument was not expected: --froce
Did you mean '--force'?
Run 'caxtool generate --help' for usage.
--- exit 2
