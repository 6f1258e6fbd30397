# --collector-version must be X.Y.
$ caxtool check collector --collector-version latest otel.yaml
--- file otel.yaml
receivers:
--- stderr
caxtool: --collector-version: expected X.Y such as 0.159, got 'latest'
--- exit 2
