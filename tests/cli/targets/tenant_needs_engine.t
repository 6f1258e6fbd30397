# A tenant is sent as the engine expects it, so the engine must be known.
$ caxtool targets --url http://127.0.0.1:1 --tenant team-a
--- stderr
caxtool: --tenant: say which engine takes it with --engine mimir, cortex, thanos or victoriametrics (Prometheus has no tenants)
--- exit 2
