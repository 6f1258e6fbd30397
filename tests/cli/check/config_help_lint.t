# caxtool help check NAME explains a config lint.
$ caxtool help check config/port-clash
--- stdout
--- stderr
--- exit 0
