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
prometheus.yml: 1 scrape config, 0 rule files, invalid
--- stderr
prometheus.yml:2:5: error: at most one of basic_auth, oauth2, bearer_token & bearer_token_file must be configured [config/invalid]
 2 |   - job_name: a
   |     ^
prometheus.yml:7:15: error: authorization header must be changed via the basic_auth, authorization, oauth2, or sigv4 parameter [config/invalid]
 7 |     headers: {Authorization: Bearer x}
   |               ^
2 errors, 0 warnings
--- exit 1
