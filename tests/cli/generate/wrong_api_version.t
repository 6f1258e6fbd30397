# An apiVersion other than caxtool/v1 is refused at its value.
$ caxtool generate --values values.yaml --dry-run
--- file values.yaml
apiVersion: caxtool/v2
identity:
  service: caxton
--- stderr
values.yaml:1:13: error: apiVersion: unsupported apiVersion "caxtool/v2"; this caxtool reads caxtool/v1 [values/type]
 1 | apiVersion: caxtool/v2
   |             ^~~~~~~~~~
1 error, 0 warnings
--- exit 1
