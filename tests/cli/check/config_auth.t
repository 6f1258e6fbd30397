# Authentication methods exclude each other, as prometheus/common decides.
$ caxtool check config --prometheus-version 2.42 prometheus.yml
--- file prometheus.yml
scrape_configs:
  - job_name: a
    bearer_token: t
    basic_auth: {username: u, password: p}
remote_write:
  - name: w
    headers: {Authorization: Bearer x}
    url: http://remote/write
--- stdout
--- stderr
--- exit 1
