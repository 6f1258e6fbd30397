# Mistakes in the collector: section are reported at their line, before any file is checked.
$ caxtool check collector otel.yaml
--- file .caxtool.yml
collector:
  distribution: otelcol-contrib
  disabled: [collector/unused-component]
--- file otel.yaml
receivers:
  otlp:
--- stderr
.caxtool.yml:2:17: error: distribution must be core or contrib [config]
 2 |   distribution: otelcol-contrib
   |                 ^~~~~~~~~~~~~~~
.caxtool.yml:3:3: error: unknown key "disabled" [config]
 3 |   disabled: [collector/unused-component]
   |   ^~~~~~~~
  hint: did you mean "disable"?
2 errors, 0 warnings
--- exit 2
