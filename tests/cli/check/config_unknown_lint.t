# --lint with a name no check has: a usage error with the closest name.
$ caxtool check config --lint config/port-clahs prometheus.yml
--- file prometheus.yml
scrape_configs: []
--- stderr
caxtool: --lint: unknown check 'config/port-clahs', did you mean 'config/port-clash'?
--- exit 2
