# A values file without apiVersion is refused with a hint naming the line to add.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
identity:
  service: caxton
--- stderr
values.yaml:1:1: error: missing apiVersion [values/api-version]
 1 | identity:
   | ^
  hint: start the file with: apiVersion: caxtool/v1
1 error, 0 warnings
--- exit 1
