# check rules without a file is a usage error (--list-lints and --explain need none).
$ caxtool check rules
--- stderr
caxtool: check rules: no file given (rule files, directories, or - for stdin)
Run 'caxtool check rules --help' for usage.
--- exit 2
