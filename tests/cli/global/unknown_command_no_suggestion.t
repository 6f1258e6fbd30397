# An unknown command with no close match gets no suggestion.
$ caxtool frobnicate
--- stderr
caxtool: unknown command 'frobnicate'
Run 'caxtool --help' for the list of commands.
--- exit 2
