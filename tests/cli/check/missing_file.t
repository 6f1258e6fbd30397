# A file that does not exist: exit 3.
$ caxtool check rules nope.yml
--- stderr
caxtool: nope.yml: no such file or directory
--- exit 3
