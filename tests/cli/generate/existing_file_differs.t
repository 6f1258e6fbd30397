# A file on disk that differs from what would be written is not replaced without --force:
# exit 3, and the file keeps its content.
$ caxtool generate --out out --only alertmanager
--- file out/alertmanager/alertmanager.yml
# edited by hand
--- after-cmd cat out/alertmanager/alertmanager.yml; find out | sort
--- stderr
out/alertmanager/alertmanager.yml: error: file differs from what caxtool would write; nothing was written [generate/conflict]
  hint: see the change with --diff, overwrite with --force
1 error, 0 warnings
--- exit 3
--- after
# edited by hand
out
out/alertmanager
out/alertmanager/alertmanager.yml
