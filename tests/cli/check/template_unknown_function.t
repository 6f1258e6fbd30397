# A template function Prometheus does not define.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Down
        expr: up == 0
        annotations:
          description: "value {{ $value | humanise }}"
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:7:43: error: alert "Down": annotation "description": invalid template: function "humanise" is not defined in Prometheus templates; did you mean "humanize"? [rules/template]
 7 |           description: "value {{ $value | humanise }}"
   |                                           ^~~~~~~~
1 error, 0 warnings
--- exit 1
