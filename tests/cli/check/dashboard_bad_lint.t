# An unknown check name is a usage error with a suggestion.
$ caxtool check dashboard --lint dashboard/rate-intervals d.json
--- file d.json
{}
--- stderr
caxtool: --lint: unknown check 'dashboard/rate-intervals', did you mean 'dashboard/rate-interval'?
--- exit 2
