# A check named in the collector: section's disable list must exist.
$ caxtool check collector otel.yaml
--- file .caxtool.yml
collector:
  disable: [collector/unused]
--- file otel.yaml
receivers:
  otlp:
--- stderr
caxtool: config: disable: unknown check 'collector/unused'
--- exit 2
