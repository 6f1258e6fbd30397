# A tab used for indentation is a YAML error, reported at the tab.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
	service: caxton
--- stderr
values.yaml:3:1: error: found character that cannot start any token while scanning for the next token [yaml/syntax]
 3 | 	service: caxton
   | ^
  hint: YAML does not allow tabs for indentation; indent with spaces
1 error, 0 warnings
--- exit 1
