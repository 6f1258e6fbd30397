# An empty file is not a collector config.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
# nothing here
--- stdout
otel.yaml: 0 components, 0 pipelines, invalid
--- stderr
otel.yaml: error: empty configuration file [collector/missing-section]
  hint: a collector config defines receivers, exporters and a service with pipelines
1 error, 0 warnings
--- exit 1
