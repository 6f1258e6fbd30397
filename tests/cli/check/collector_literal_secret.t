# API keys, passwords and tokens written into the config instead of ${env:...}.
$ caxtool check collector --lint collector/literal-secret otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
exporters:
  datadog:
    api:
      key: 0123456789abcdef
      site: datadoghq.com
  otlphttp/newrelic:
    endpoint: https://otlp.nr-data.net
    headers:
      api-key: ${env:NEW_RELIC_LICENSE_KEY}
  otlphttp/grafana:
    endpoint: https://otlp.grafana.net/otlp
    headers:
      Authorization: Basic dXNlcjpwYXNz
extensions:
  basicauth/client:
    client_auth:
      username: user
      password: hunter2
service:
  extensions: [basicauth/client]
  pipelines:
    traces:
      receivers: [otlp]
      exporters: [datadog, otlphttp/newrelic, otlphttp/grafana]
--- stdout
otel.yaml: 5 components, 1 pipeline
--- stderr
otel.yaml:8:12: warning: "key" holds a literal secret [collector/literal-secret]
 8 |       key: 0123456789abcdef
   |            ^~~~~~~~~~~~~~~~
  hint: write it as ${env:NAME} and set NAME in the collector's environment
otel.yaml:17:22: warning: "Authorization" holds a literal secret [collector/literal-secret]
 17 |       Authorization: Basic dXNlcjpwYXNz
    |                      ^~~~~~~~~~~~~~~~~~
  hint: write it as ${env:NAME} and set NAME in the collector's environment
otel.yaml:22:17: warning: "password" holds a literal secret [collector/literal-secret]
 22 |       password: hunter2
    |                 ^~~~~~~
  hint: write it as ${env:NAME} and set NAME in the collector's environment
0 errors, 3 warnings
--- exit 0
