# Server commands print tables or JSON; SARIF is for findings in files.
$ caxtool --format sarif targets --url http://127.0.0.1:1
--- stderr
caxtool: --format sarif is for findings in files; this command prints text or json
--- exit 2
