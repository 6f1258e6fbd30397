# stdin by default.
$ caxtool check metrics
--- stdout
<stdin>: 0 metric families, 0 samples (Prometheus text)
--- exit 0
