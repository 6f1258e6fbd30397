# Renames dated from the contrib CHANGELOG: http_check from v0.150.0, signal_to_metrics from v0.146.0;
# at v0.149 the new receiver name is unknown and the old connector name is a deprecated alias.
$ caxtool check collector --lint collector/renamed-component --collector-version 0.149 otel.yaml
--- file otel.yaml
receivers:
  http_check:
    targets: [{endpoint: "http://a"}]
  otlp:
    protocols:
      grpc:
exporters:
  debug:
connectors:
  signaltometrics:
service:
  pipelines:
    metrics:
      receivers: [http_check, signaltometrics]
      exporters: [debug]
    traces:
      receivers: [otlp]
      exporters: [signaltometrics]
--- stdout
otel.yaml: 4 components, 2 pipelines, invalid
--- stderr
otel.yaml:2:3: error: unknown type: "http_check" for id: "http_check" (the receiver has that name from v0.150.0 on) [collector/unknown-type]
 2 |   http_check:
   |   ^~~~~~~~~~
  hint: check with --collector-version of the collector you run
otel.yaml:10:3: info: "signaltometrics" alias is deprecated; use "signal_to_metrics" instead [collector/renamed-component]
 10 |   signaltometrics:
    |   ^~~~~~~~~~~~~~~
  hint: the connector was renamed in v0.146.0; keep the old name while collectors older than that must read the config
1 error, 0 warnings
--- exit 1
