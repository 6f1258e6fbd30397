# --time is for instant queries only.
$ caxtool query --url http://127.0.0.1:1 up --time now --start now-1h
--- stderr
caxtool: --time is for instant queries; a range query takes --start, --end and --step
--- exit 2
