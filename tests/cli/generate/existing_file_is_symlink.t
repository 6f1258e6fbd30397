# A symlink in place of an output file is not replaced nor written through (exit 3).
$ caxtool generate --out out --only alertmanager --force
--- file target.yml
precious
--- symlink out/alertmanager/alertmanager.yml -> ../../target.yml
--- after-cmd cat target.yml; find . | sort
--- stderr
out/alertmanager/alertmanager.yml: error: is a symlink; refusing to replace it [generate/conflict]
1 error, 0 warnings
--- exit 3
--- after
precious
.
./out
./out/alertmanager
./out/alertmanager/alertmanager.yml
./target.yml
