# A value with bytes that are not UTF-8 (here a Latin-1 e-acute, 0xE9) is refused at the value.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml [escaped]
apiVersion: caxtool/v1
identity:
  environment: caf\xe9
--- stderr [escaped]
values.yaml:3:19: error: the file is not valid UTF-8 (incomplete UTF-8 octet sequence) [yaml/syntax]
 3 |   environment: caf\xe9
   |                   ^
1 error, 0 warnings
--- exit 1
