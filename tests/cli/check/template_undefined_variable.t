# A Go template error in an annotation, with a suggestion.
$ caxtool check rules --lint none rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Down
        expr: up == 0
        annotations:
          summary: "{{ $label.instance }} is down"
--- stdout
rules.yml: 1 rule in 1 group, invalid
--- stderr
rules.yml:7:24: error: alert "Down": annotation "summary": invalid template: undefined variable "$label"; did you mean "$labels"? [rules/template]
 7 |           summary: "{{ $label.instance }} is down"
   |                        ^~~~~~
1 error, 0 warnings
--- exit 1
