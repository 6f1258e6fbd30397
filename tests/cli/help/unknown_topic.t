# An unknown help topic is a usage error.
$ caxtool help nope
--- stderr
caxtool: no help topic 'nope'; try 'caxtool help' or 'caxtool check rules --list-lints'
--- exit 2
