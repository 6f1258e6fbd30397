# A values file holds one YAML document; a second one is refused at its start.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v1
identity:
  service: caxton
---
apiVersion: caxtool/v1
--- stderr
values.yaml:5:1: error: a values file holds one YAML document, this is the second [values/document]
 5 | apiVersion: caxtool/v1
   | ^
1 error, 0 warnings
--- exit 1
