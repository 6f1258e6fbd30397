# --match must be a selector with a non-empty matcher: a usage error, exit 2.
$ caxtool tsdb analyze data --match '{a!="b"}'
--- stderr
caxtool: --match: 1:1: parse error: vector selector must contain at least one non-empty matcher
--- exit 2
