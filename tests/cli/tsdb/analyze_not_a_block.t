# A directory without ULID-named block directories has nothing to analyse: exit 3.
$ caxtool tsdb analyze data
--- file data/wal/00000000
--- stderr
caxtool: data: no blocks (subdirectories named by a ULID)
--- exit 3
