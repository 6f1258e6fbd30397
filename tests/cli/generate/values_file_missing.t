# A values file that does not exist: caxtool cannot do its job (exit 3).
$ caxtool generate --values nosuch.yaml --dry-run
--- stderr
nosuch.yaml: error: cannot read values file: No such file or directory [io]
1 error, 0 warnings
--- exit 3
