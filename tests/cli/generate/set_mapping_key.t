# --set on a key that is a mapping is a usage error (exit 2): set one of its keys.
$ caxtool generate --dry-run --set scrape=30s
--- stderr
error: --set scrape=30s: "scrape" is a mapping; set one of its keys [values/set]
1 error, 0 warnings
--- exit 2
