# --only with an unknown kind is a usage error (exit 2), with the closest kind suggested.
$ caxtool generate --dry-run --only alertmanger
--- stderr
error: --only: unknown kind "alertmanger" [usage]
  hint: did you mean "alertmanager"?
1 error, 0 warnings
--- exit 2
