# An empty values file is refused for its missing apiVersion (not silently taken as defaults).
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
--- stderr
values.yaml:1:1: error: missing apiVersion [values/api-version]
 1 | 
   | ^
  hint: start the file with: apiVersion: caxtool/v1
1 error, 0 warnings
--- exit 1
