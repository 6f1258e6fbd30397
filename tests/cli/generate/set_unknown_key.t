# --set with a key that is not in the schema is a usage error (exit 2), with a suggestion.
$ caxtool generate --dry-run --set scrape.intervl=30s
--- stderr
error: --set scrape.intervl=30s: no such key "scrape.intervl" [values/set]
  hint: did you mean "scrape.interval"?
1 error, 0 warnings
--- exit 2
