# --lint with a name that does not exist: usage error with a suggestion.
$ caxtool check collector --lint collector/unused otel.yaml
--- file otel.yaml
receivers:
--- stderr
caxtool: --lint: unknown check 'collector/unused', did you mean 'collector/unused-component'?
--- exit 2
