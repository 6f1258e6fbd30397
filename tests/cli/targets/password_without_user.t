# Basic auth needs the user; the password file's content is never printed.
$ caxtool targets --url http://127.0.0.1:1 --basic-auth-password-file pw
--- file pw
hunter2
--- stderr
caxtool: --basic-auth-password-file needs --basic-auth-user
--- exit 2
