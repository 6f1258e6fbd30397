# --set without KEY=VALUE is a usage error (exit 2).
$ caxtool generate --dry-run --set scrape.interval
--- stderr
error: --set scrape.interval: expected KEY=VALUE [values/set]
1 error, 0 warnings
--- exit 2
