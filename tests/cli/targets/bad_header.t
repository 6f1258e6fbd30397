# A header without a colon; its text may be a secret, so it is not echoed.
$ caxtool targets --url http://127.0.0.1:1 --header sekrit-token
--- stderr
caxtool: --header: expected 'Name: value'
--- exit 2
