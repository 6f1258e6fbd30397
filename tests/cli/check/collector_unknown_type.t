# A misspelt type, with the closest known one as a hint.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlpp:
    protocols:
      grpc:
exporters:
  debugg:
  awscloudwatchmetrics:
    namespace: Caxton
service:
  pipelines:
    metrics:
      receivers: [otlpp]
      exporters: [debugg, awscloudwatchmetrics]
--- stdout
otel.yaml: 3 components, 1 pipeline, invalid
--- stderr
otel.yaml:2:3: error: unknown type: "otlpp" for id: "otlpp" (no receiver of that type in otelcol-contrib) [collector/unknown-type]
 2 |   otlpp:
   |   ^~~~~
  hint: did you mean "otlp"?
otel.yaml:6:3: error: unknown type: "debugg" for id: "debugg" (no exporter of that type in otelcol-contrib) [collector/unknown-type]
 6 |   debugg:
   |   ^~~~~~
  hint: did you mean "debug"?
otel.yaml:7:3: error: there is no exporter of type "awscloudwatchmetrics" [collector/unknown-type]
 7 |   awscloudwatchmetrics:
   |   ^~~~~~~~~~~~~~~~~~~~
  hint: use awsemf (CloudWatch EMF)
3 errors, 0 warnings
--- exit 1
