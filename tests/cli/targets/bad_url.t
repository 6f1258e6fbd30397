# --url must be an http(s) URL with a host: a usage error, nothing is sent.
$ caxtool targets --url localhost:9090
--- stderr
caxtool: --url: 'localhost:9090' is not an http:// or https:// URL with a host
--- exit 2
