# A symlink inside --out (out/alertmanager -> ../elsewhere) is never followed: the write is
# refused (exit 3) and nothing appears outside out/ or inside elsewhere/.
$ caxtool generate --out out --only alertmanager
--- file elsewhere/keep.txt
untouched
--- symlink out/alertmanager -> ../elsewhere
--- after-cmd find . | sort
--- stderr
out/alertmanager/alertmanager.yml: error: alertmanager is a symlink or not a directory; refusing to write through it [generate/conflict]
1 error, 0 warnings
--- exit 3
--- after
.
./elsewhere
./elsewhere/keep.txt
./out
./out/alertmanager
