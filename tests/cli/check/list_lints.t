# --list-lints lists every lint check.
$ caxtool check rules --list-lints
--- stderr
caxtool: files is required
Run 'caxtool check --help' for usage.
--- exit 2
