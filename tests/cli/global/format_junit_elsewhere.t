# --format junit belongs to test rules; any other command refuses it as a usage error.
$ caxtool --format junit check rules rules.yml
--- file rules.yml
groups: []
--- stderr
caxtool: --format junit is for caxtool test rules; 'check' prints text, json, github or sarif
--- exit 2
