# a missing file: cannot read, exit 3.
$ caxtool check metrics nope.prom
--- stderr
caxtool: nope.prom: cannot read: No such file or directory
--- exit 3
