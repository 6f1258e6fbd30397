# A data directory that does not exist is exit 3, named.
$ caxtool tsdb analyze nosuchdir
--- stderr
caxtool: nosuchdir: no such directory
--- exit 3
