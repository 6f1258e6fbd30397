# ${...} references: malformed ones fail the config; $$ is a literal $; a bare $NAME is not expanded; ${NAME} works but ${env:NAME} is clearer.
$ caxtool check collector --lint collector/env-bare-dollar,collector/env-scheme otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
        endpoint: ${env:OTLP_HOST}:4317
exporters:
  otlp_http:
    endpoint: ${env:NR-ENDPOINT}
    headers:
      api-key: ${env:NEW_RELIC_KEY
  debug:
    verbosity: ${vault:secret/x}
  file:
    path: /var/$$HOME/${HOME}/$USER.json
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: []
      exporters: [otlp_http, debug, file]
--- stdout
otel.yaml: 4 components, 1 pipeline, invalid
--- stderr
otel.yaml:8:15: error: environment variable "NR-ENDPOINT" has invalid name: must match regex ^[a-zA-Z_][a-zA-Z0-9_]*$ [collector/env-reference]
 8 |     endpoint: ${env:NR-ENDPOINT}
   |               ^~~~~~~~~~~~~~~~~~
otel.yaml:10:16: error: unterminated ${ reference [collector/env-reference]
 10 |       api-key: ${env:NEW_RELIC_KEY
    |                ^~~~~~~~~~~~~~~~~~~
  hint: close it with }, or write $$ for a literal $
otel.yaml:12:16: error: scheme "vault" is not supported for uri "vault:secret/x" [collector/env-reference]
 12 |     verbosity: ${vault:secret/x}
    |                ^~~~~~~~~~~~~~~~~
  hint: the providers are env, file, http, https and yaml (contrib adds aes, s3, secretsmanager, googlesecretmanager)
otel.yaml:14:23: info: ${HOME} uses the default scheme [collector/env-scheme]
 14 |     path: /var/$$HOME/${HOME}/$USER.json
    |                       ^~~~~~~
  hint: write ${env:HOME}
otel.yaml:14:31: warning: $USER is not expanded by the collector [collector/env-bare-dollar]
 14 |     path: /var/$$HOME/${HOME}/$USER.json
    |                               ^~~~~
  hint: write ${env:USER} for the variable, or $$USER for the text
3 errors, 1 warning
--- exit 1
