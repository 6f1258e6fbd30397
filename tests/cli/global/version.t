# --version prints the name and version on stdout and exits 0.
$ caxtool --version
--- stdout
caxtool 0.6.0
--- exit 0
