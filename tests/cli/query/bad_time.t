# Times are RFC 3339, Unix seconds, now or now-DURATION.
$ caxtool query --url http://127.0.0.1:1 up --time yesterday
--- stderr
caxtool: --time: 'yesterday' is not a time (RFC 3339, Unix seconds, now, now-1h)
--- exit 2
