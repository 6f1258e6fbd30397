# --syntax-only: the same config, without opening the files it names.
$ caxtool check config --prometheus-version 2.42 --syntax-only conf/prometheus.yml
--- file conf/prometheus.yml
rule_files: [missing.rules.yml]
scrape_configs:
  - job_name: a
    authorization: {credentials_file: token}
--- stdout
conf/prometheus.yml: 1 scrape config, 0 rule files
--- exit 0
