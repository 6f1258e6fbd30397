# An unknown --lint name is a usage error with a suggestion.
$ caxtool check rules --lint promql/histogram rules.yml
--- file rules.yml
groups: []
--- stderr
caxtool: --lint: unknown check 'promql/histogram', did you mean 'promql/histogram-le'?
--- exit 2
