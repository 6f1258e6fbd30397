# absent() compared so that it never holds.
$ caxtool check rules --lint promql/impossible rules.yml
--- file rules.yml
groups:
  - name: g
    rules:
      - alert: Gone
        expr: absent(up{job="caxton"}) > 1
--- stdout
rules.yml: 1 rule in 1 group
--- stderr
rules.yml:5:15: error: absent() returns 1 or nothing, so this comparison never holds [promql/impossible]
 5 |         expr: absent(up{job="caxton"}) > 1
   |               ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
  hint: compare with nothing: absent(...) alone fires when the series is missing
1 error, 0 warnings
--- exit 1
