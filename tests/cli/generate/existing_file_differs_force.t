# With --force a file that differs is replaced (exit 0) and no temporary file is left behind.
$ caxtool generate --out out --only alertmanager --force
--- file out/alertmanager/alertmanager.yml
# edited by hand
--- after-cmd grep -c 'edited by hand' out/alertmanager/alertmanager.yml; find out | sort
--- stdout
wrote     out/alertmanager/alertmanager.yml
1 of 1 files written to out
--- exit 0
--- after
0
out
out/alertmanager
out/alertmanager/alertmanager.yml
