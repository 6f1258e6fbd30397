# A secret file that cannot be read: exit 3, before anything is sent.
$ caxtool targets --url http://127.0.0.1:1 --bearer-token-file missing-token
--- stderr
caxtool: --bearer-token-file: missing-token: No such file or directory
--- exit 3
