# Files the config names must exist, relative to its directory; --syntax-only skips this.
$ caxtool check config --prometheus-version 2.42 conf/prometheus.yml
--- file conf/prometheus.yml
rule_files: [missing.rules.yml]
scrape_configs:
  - job_name: a
    authorization: {credentials_file: token}
    tls_config: {cert_file: client.pem, key_file: client.key}
--- file conf/client.pem
not a real certificate
--- stdout
--- stderr
--- exit 1
