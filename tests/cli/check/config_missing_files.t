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
conf/prometheus.yml: 1 scrape config, 0 rule files, invalid
--- stderr
conf/prometheus.yml:4:39: error: error checking authorization credentials or bearer token file "conf/token": stat conf/token: no such file or directory [config/file]
 4 |     authorization: {credentials_file: token}
   |                                       ^
1 error, 0 warnings
--- exit 1
