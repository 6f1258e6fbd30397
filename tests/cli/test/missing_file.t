# A test file that cannot be read exits 3.
$ caxtool test rules nosuch.yml
--- stdout
Unit Testing:  nosuch.yml


--- stderr
  FAILED:
open nosuch.yml: No such file or directory
--- exit 3
