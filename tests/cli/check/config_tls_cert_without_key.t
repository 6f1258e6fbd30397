# Prometheus 2.42: a client certificate without its key, in promtool's words, even with
# --syntax-only; newer releases reject it while parsing, in theirs.
$ caxtool check config --prometheus-version 2.42 --syntax-only prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: a
    tls_config:
      cert_file: client.pem
--- stdout
prometheus.yml: 1 scrape config, 0 rule files, invalid
--- stderr
prometheus.yml:4:7: error: client cert file "client.pem" specified without client key file [config/invalid]
 4 |       cert_file: client.pem
   |       ^
1 error, 0 warnings
--- exit 1
