# --set with a value of the wrong type is a usage error (exit 2) naming the argument.
$ caxtool generate --dry-run --set targets.orchestrator.port=http
--- stderr
error: --set targets.orchestrator.port=http: expected a port number (1-65535), got http [values/type]
1 error, 0 warnings
--- exit 2
