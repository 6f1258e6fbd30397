# Each relabel action needs its fields; regexes are RE2.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: a
    relabel_configs:
      - source_labels: [__address__]
        action: replace
  - job_name: b
    relabel_configs:
      - source_labels: [x]
        regex: '(?=lookahead)'
        action: keep
  - job_name: c
    metric_relabel_configs:
      - source_labels: [x]
        regex: tmp_.*
        action: labeldrop
  - job_name: d
    relabel_configs:
      - action: Keeep
--- stdout
prometheus.yml: 0 scrape configs, 0 rule files, invalid
--- stderr
prometheus.yml:5:17: error: relabel configuration for replace action requires 'target_label' value [config/invalid]
 5 |         action: replace
   |                 ^
prometheus.yml:9:16: error: error parsing regexp: invalid or unsupported Perl syntax: `(?=` [config/regex]
 9 |         regex: '(?=lookahead)'
   |                ^
prometheus.yml:15:17: error: labeldrop action requires only 'regex', and no other fields [config/invalid]
 15 |         action: labeldrop
    |                 ^
prometheus.yml:18:17: error: unknown relabel action "Keeep" [config/invalid]
 18 |       - action: Keeep
    |                 ^
  hint: actions: replace, keep, drop, keepequal, dropequal, hashmod, labelmap, labeldrop, labelkeep, lowercase, uppercase
4 errors, 0 warnings
--- exit 1
