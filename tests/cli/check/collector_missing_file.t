# A file that does not exist: exit 3.
$ caxtool check collector nope.yaml
--- stderr
caxtool: nope.yaml: no such file or directory
--- exit 3
