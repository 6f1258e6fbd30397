# memory_limiter's required settings, and its place first in every pipeline.
$ caxtool check collector otel.yaml
--- file otel.yaml
receivers:
  otlp:
    protocols:
      grpc:
processors:
  memory_limiter:
    limit_mib: 100
    spike_limit_mib: 200
  memory_limiter/pct:
    check_interval: 0s
    limit_percentage: 120
  batch:
exporters:
  debug:
service:
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch, memory_limiter]
      exporters: [debug]
    metrics:
      receivers: [otlp]
      processors: [memory_limiter/pct]
      exporters: [debug]
    logs:
      receivers: [otlp]
      exporters: [debug]
--- stdout
otel.yaml: 5 components, 3 pipelines, invalid
--- stderr
otel.yaml:6:3: error: processors::memory_limiter: 'check_interval' must be greater than zero [collector/component-config]
 6 |   memory_limiter:
   |   ^~~~~~~~~~~~~~
  hint: check_interval has no default; 1s is usual
otel.yaml:8:22: error: processors::memory_limiter: 'spike_limit_mib' must be smaller than 'limit_mib' [collector/component-config]
 8 |     spike_limit_mib: 200
   |                      ^~~
otel.yaml:10:21: error: processors::memory_limiter/pct: 'check_interval' must be greater than zero [collector/component-config]
 10 |     check_interval: 0s
    |                     ^~
otel.yaml:11:23: error: processors::memory_limiter/pct: 'limit_percentage' must not be above 100 [collector/component-config]
 11 |     limit_percentage: 120
    |                       ^~~
otel.yaml:19:20: warning: service::pipelines::traces: batch comes before "memory_limiter" [collector/batch-order]
 19 |       processors: [batch, memory_limiter]
    |                    ^~~~~
  hint: put batch after memory_limiter and after samplers and filters
otel.yaml:19:27: warning: service::pipelines::traces: memory_limiter is not the first processor (after "batch") [collector/memory-limiter]
 19 |       processors: [batch, memory_limiter]
    |                           ^~~~~~~~~~~~~~
  hint: move it to the front of the list
otel.yaml:25:5: warning: service::pipelines::logs: no memory_limiter processor [collector/memory-limiter]
 25 |     logs:
    |     ^~~~
  hint: define memory_limiter and list it first in processors
4 errors, 3 warnings
--- exit 1
