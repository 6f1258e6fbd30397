# The collector: section's lint list selects the checks, and --lint on the command line wins.
$ caxtool check collector --lint collector/unused-component otel.yaml
--- file .caxtool.yml
collector:
  lint: [collector/memory-limiter]
  featureGates: [service.profilesSupport]
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
processors:
  batch:
exporters:
  debug:
service:
  pipelines:
    profiles:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 3 components, 1 pipeline
--- stderr
otel.yaml:6:3: warning: processor "batch" is defined but used by no pipeline [collector/unused-component]
 6 |   batch:
   |   ^~~~~
  hint: add it to a pipeline, or remove it
0 errors, 1 warning
--- exit 0
