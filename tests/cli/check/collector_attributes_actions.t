# The attributes and resource processors need a valid `action`, a key, and one value source.
$ caxtool check collector --lint none otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
processors:
  resource:
    attributes:
      - key: service.name
        value: caxton
      - key: env
        value: prod
        action: replace
      - key: a
        action: upsert
        value: x
        from_attribute: b
  attributes:
    actions:
      - action: insert
        value: 1
      - key: n
        action: convert
        converted_type: float
  attributes/empty:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [resource, attributes, attributes/empty]
      exporters: [debug]
--- stdout
otel.yaml: 5 components, 1 pipeline, invalid
--- stderr
otel.yaml:8:9: error: processors::resource: error creating AttrProc due to unsupported action "" at the 0-th actions [collector/component-config]
 8 |       - key: service.name
   |         ^
  hint: every action needs `action:` (insert, update, upsert, delete, hash, extract or convert)
otel.yaml:12:17: error: processors::resource: error creating AttrProc due to unsupported action "replace" at the 1-th actions [collector/component-config]
 12 |         action: replace
    |                 ^~~~~~~
  hint: action is one of insert, update, upsert, delete, hash, extract, convert
otel.yaml:13:9: error: processors::resource: error creating AttrProc due to multiple value sources being set at the 2-th actions [collector/component-config]
 13 |       - key: a
    |         ^
otel.yaml:19:9: error: processors::attributes: error creating AttrProc due to missing required field "key" at the 0-th actions [collector/component-config]
 19 |       - action: insert
    |         ^
otel.yaml:23:25: error: processors::attributes: error creating AttrProc due to invalid converted_type "float" at the 1-th actions [collector/component-config]
 23 |         converted_type: float
    |                         ^~~~~
  hint: converted_type is string, int or double
otel.yaml:24:3: error: processors::attributes/empty: error creating "attributes" processor due to missing required field "actions" [collector/component-config]
 24 |   attributes/empty:
    |   ^~~~~~~~~~~~~~~~
6 errors, 0 warnings
--- exit 1
