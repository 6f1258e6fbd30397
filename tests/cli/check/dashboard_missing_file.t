# A file that does not exist: exit 3.
$ caxtool check dashboard nope.json
--- stderr
caxtool: nope.json: no such file or directory
--- exit 3
