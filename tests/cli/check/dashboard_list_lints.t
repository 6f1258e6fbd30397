# Every check with its severity, whether it is on by default and whether --fix handles it.
$ caxtool check dashboard --list-lints
--- stderr
caxtool: files is required
Run 'caxtool check --help' for usage.
--- exit 2
