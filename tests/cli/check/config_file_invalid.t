# A typo in .caxtool.yml is an error at its line, never a silently ignored setting.
$ caxtool --config settings.yml check rules rules.yml
--- file settings.yml
rules:
  disabel: [record/name]
--- file rules.yml
groups: []
--- stderr
settings.yml:2:3: error: unknown key "disabel" [config]
 2 |   disabel: [record/name]
   |   ^~~~~~~
  hint: did you mean "disable"?
1 error, 0 warnings
--- exit 2
