# promql fmt takes the experimental syntax of the version: anchored/smoothed (3.7+), fill modifiers (3.10+).
$ caxtool promql fmt "rate(x[5m]   offset 1m anchored) + on(a) fill_left(0)fill_right(1) y smoothed"
--- stdout
rate(x[5m] anchored offset 1m) + on (a) fill_left (0) fill_right (1) y smoothed
--- exit 0
