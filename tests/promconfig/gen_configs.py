#!/usr/bin/env python3
"""Generate prometheus.yml files for the check config differential test: valid ones built from
the pieces users write (every field promtool 2.42 knows, service discoveries Debian's promtool
has), and broken ones with one mutation each (unknown key, bad duration, relabel rule missing
what its action needs, ...). Python 3 stdlib only; the seed makes a run reproducible.

usage: gen_configs.py OUT_DIR COUNT --seed S
Writes OUT_DIR/NNNN-good.yml and OUT_DIR/NNNN-bad-<mutation>.yml.
"""
import argparse
import json
import os
import random

q = json.dumps

GOOD_SD = [
    ["    dns_sd_configs:", "      - names: [_prom._tcp.example.com]", "        refresh_interval: 30s"],
    ["    dns_sd_configs:", "      - names: [db.example.com]", "        type: A", "        port: 9100"],
    ["    file_sd_configs:", "      - files: ['targets/*.json']", "        refresh_interval: 5m"],
    ["    http_sd_configs:", "      - url: http://sd.example.com/targets"],
    ["    ec2_sd_configs:", "      - region: eu-west-1", "        port: 9100",
     "        filters: [{name: tag:env, values: [prod]}]"],
    ["    gce_sd_configs:", "      - project: p", "        zone: europe-west1-b"],
    ["    azure_sd_configs:", "      - subscription_id: s", "        tenant_id: t",
     "        client_id: c", "        client_secret: x"],
    ["    openstack_sd_configs:", "      - role: instance", "        region: r1"],
    ["    docker_sd_configs:", "      - host: unix:///var/run/docker.sock"],
    ["    hetzner_sd_configs:", "      - role: hcloud"],
    ["    eureka_sd_configs:", "      - server: http://eureka:8761/eureka"],
    ["    marathon_sd_configs:", "      - servers: [http://marathon:8080]"],
    ["    serverset_sd_configs:", "      - servers: [zk:2181]", "        paths: [/services]"],
]

GOOD_RELABEL = [
    ["      - source_labels: [__address__]", "        target_label: __param_target"],
    ["      - action: labelmap", "        regex: __meta_(.+)"],
    ["      - source_labels: [__address__]", "        modulus: 4", "        target_label: __tmp_hash",
     "        action: hashmod"],
    ["      - source_labels: [env]", "        regex: prod|staging", "        action: keep"],
    ["      - action: labeldrop", "        regex: tmp_.*"],
    ["      - source_labels: [team]", "        target_label: team", "        action: lowercase"],
    ["      - source_labels: [a]", "        target_label: b", "        action: keepequal"],
    ["      - source_labels: [__address__]", "        regex: '(.*):\\d+'",
     "        replacement: '${1}:9100'", "        target_label: __address__"],
]

# (name, function(lines) -> lines) mutations; each makes the config invalid for promtool 2.42.
def mutations():
    def add_job_line(line):
        return lambda o: insert_after(o, "  - job_name:", line)
    return [
        ("unknown-top", lambda o: o + ["scrape_config: []"]),
        ("unknown-global", lambda o: insert_after(o, "global:", "  scrape_intervall: 1m")),
        ("unknown-job-key", add_job_line("    metric_path: /m")),
        ("bad-duration", add_job_line("    scrape_interval: 1.5m")),
        ("bad-duration-unit", add_job_line("    scrape_interval: 10 s")),
        ("timeout-gt-interval", add_job_line("    scrape_interval: 5s\n    scrape_timeout: 10s")),
        ("bad-bool", add_job_line("    honor_labels: \"true\"")),
        ("negative-limit", add_job_line("    sample_limit: -5")),
        ("size-no-unit", add_job_line("    body_size_limit: 1000")),
        ("duplicate-key", add_job_line("    metrics_path: /a\n    metrics_path: /b")),
        ("duplicate-job", lambda o: o + ["  - job_name: dup", "  - job_name: dup"]),
        ("empty-job-name", lambda o: o + ["  - job_name: ''"]),
        ("null-scrape-config", lambda o: o + ["  -"]),
        ("bad-action", add_job_line("    relabel_configs:\n      - action: Keeep")),
        ("replace-no-target", add_job_line("    relabel_configs:\n      - source_labels: [a]\n        action: replace")),
        ("hashmod-no-modulus", add_job_line("    relabel_configs:\n      - source_labels: [a]\n        target_label: b\n        action: hashmod")),
        ("labeldrop-extra", add_job_line("    metric_relabel_configs:\n      - source_labels: [a]\n        regex: x\n        action: labeldrop")),
        ("keepequal-regex", add_job_line("    relabel_configs:\n      - source_labels: [a]\n        target_label: b\n        regex: x\n        action: keepequal")),
        ("bad-regex", add_job_line("    relabel_configs:\n      - source_labels: [a]\n        regex: 'a(b'\n        action: keep")),
        ("perl-regex", add_job_line("    relabel_configs:\n      - source_labels: [a]\n        regex: '(?=x)'\n        action: keep")),
        ("bad-source-label", add_job_line("    relabel_configs:\n      - source_labels: [a-b]\n        action: keep")),
        ("bad-target-label", add_job_line("    relabel_configs:\n      - source_labels: [a]\n        target_label: 1abc")),
        ("uppercase-replacement", add_job_line("    relabel_configs:\n      - source_labels: [a]\n        target_label: b\n        replacement: x\n        action: uppercase")),
        ("null-relabel", add_job_line("    relabel_configs:\n      -")),
        ("bad-static-label", add_job_line("    static_configs:\n      - targets: [a:1]\n        labels: {0x: y}")),
        ("url-target", add_job_line("    static_configs:\n      - targets: ['http://host:9100/metrics']")),
        ("bad-scheme", add_job_line("    scheme: ftp\n    static_configs:\n      - targets: [hostonly]")),
        ("token-and-file", add_job_line("    bearer_token: a\n    bearer_token_file: b")),
        ("basic-and-token", add_job_line("    bearer_token: a\n    basic_auth: {username: u, password: p}")),
        ("authz-basic", add_job_line("    authorization: {type: Basic, credentials: x}")),
        ("oauth2-no-id", add_job_line("    oauth2: {client_secret: s, token_url: http://t}")),
        ("tls-unknown", add_job_line("    tls_config: {insecure: true}")),
        ("tls-cert-no-key", add_job_line("    tls_config: {cert_file: c.pem}")),
        ("dns-no-names", add_job_line("    dns_sd_configs:\n      - refresh_interval: 30s")),
        ("dns-a-no-port", add_job_line("    dns_sd_configs:\n      - names: [x]\n        type: A")),
        ("file-sd-ext", add_job_line("    file_sd_configs:\n      - files: [targets.txt]")),
        ("http-sd-scheme", add_job_line("    http_sd_configs:\n      - url: ftp://x")),
        ("ec2-no-region", add_job_line("    ec2_sd_configs:\n      - port: 9100")),
        ("gce-no-zone", add_job_line("    gce_sd_configs:\n      - project: p")),
        ("openstack-role", add_job_line("    openstack_sd_configs:\n      - role: vm\n        region: r")),
        ("hetzner-no-role", add_job_line("    hetzner_sd_configs:\n      - port: 80")),
        ("docker-no-host", add_job_line("    docker_sd_configs:\n      - port: 80")),
        ("null-sd", add_job_line("    dns_sd_configs:\n      -")),
        ("rw-no-url", lambda o: o + ["remote_write:", "  - name: x"]),
        ("rw-auth-header", lambda o: o + ["remote_write:", "  - url: http://x", "    headers: {Authorization: x}"]),
        ("rw-dup-name", lambda o: o + ["remote_write:", "  - {url: 'http://a', name: n}", "  - {url: 'http://b', name: n}"]),
        ("rr-no-url", lambda o: o + ["remote_read:", "  - read_recent: true"]),
        ("am-api-version", lambda o: o + ["alerting:", "  alertmanagers:", "    - api_version: v3"]),
        ("am-url-target", lambda o: o + ["alerting:", "  alertmanagers:", "    - static_configs:", "        - targets: ['http://am:9093']"]),
        ("alert-relabel-null", lambda o: o + ["alerting:", "  alert_relabel_configs:", "    -"]),
        ("rule-glob", lambda o: o + ["rule_files: ['rules/*/*.yml']"]),
        ("global-timeout", lambda o: insert_after(o, "global:", "  scrape_interval: 5s\n  scrape_timeout: 6s")),
        ("external-label", lambda o: insert_after(o, "global:", "  external_labels: {'a b': c}")),
        ("post-242-key", add_job_line("    scrape_protocols: [PrometheusText0.0.4]")),
        ("tracing-no-endpoint", lambda o: o + ["tracing:", "  client_type: grpc"]),
        ("seq-not-map", lambda o: o + ["storage: [1]"]),
        ("yaml-syntax", lambda o: o + ["  - job_name: [unclosed"]),
    ]


def insert_after(lines, prefix, text):
    for i, l in enumerate(lines):
        if l.startswith(prefix):
            return lines[:i + 1] + text.split("\n") + lines[i + 1:]
    return lines


def good_config(r):
    o = ["global:", "  scrape_interval: %s" % r.choice(["15s", "30s", "1m"]),
         "  evaluation_interval: %s" % r.choice(["15s", "1m"])]
    if r.random() < 0.5:
        o += ["  external_labels:", "    cluster: c%d" % r.randint(0, 9)]
    o.append("scrape_configs:")
    for j in range(r.randint(1, 5)):
        o.append("  - job_name: %s" % q("job-%d" % j))
        if r.random() < 0.3:
            o.append("    scrape_interval: 1m")
            o.append("    scrape_timeout: %s" % r.choice(["10s", "1m"]))
        if r.random() < 0.2:
            o.append("    metrics_path: /probe")
            o.append("    params: {module: [http_2xx]}")
        if r.random() < 0.2:
            o.append("    scheme: https")
            o.append("    tls_config: {insecure_skip_verify: true, server_name: x, min_version: TLS12}")
        if r.random() < 0.2:
            o.append("    " + r.choice(["basic_auth: {username: u, password: p}",
                                        "authorization: {credentials: secret}",
                                        "bearer_token: tok",
                                        "oauth2: {client_id: i, client_secret: s, token_url: 'http://t'}"]))
        if r.random() < 0.2:
            o += ["    honor_labels: %s" % r.choice(["true", "false", "yes"]),
                  "    sample_limit: %d" % r.randint(0, 1000),
                  "    body_size_limit: %s" % r.choice(["10MB", "1GiB", "0"])]
        if r.random() < 0.6:
            o.append("    static_configs:")
            for g in range(r.randint(1, 2)):
                o.append("      - targets: [%s]" % ", ".join(
                    q("host%d.example.com:%d" % (j * 10 + g, 9100 + t)) for t in range(r.randint(1, 3))))
                if r.random() < 0.5:
                    o.append("        labels: {env: prod}")
        else:
            o += r.choice(GOOD_SD)
        if r.random() < 0.5:
            o.append("    relabel_configs:")
            for rule in r.sample(GOOD_RELABEL, r.randint(1, 3)):
                o += rule
        if r.random() < 0.3:
            o += ["    metric_relabel_configs:", "      - source_labels: [__name__]",
                  "        regex: 'go_.*'", "        action: drop"]
    if r.random() < 0.3:
        o += ["alerting:", "  alertmanagers:", "    - static_configs:", "        - targets: ['am:9093']",
              "      timeout: 10s", "      api_version: v2"]
    if r.random() < 0.3:
        o += ["remote_write:", "  - url: http://remote/api/v1/write", "    queue_config: {max_shards: 10}",
              "    write_relabel_configs:", "      - {source_labels: [__name__], regex: 'up', action: keep}"]
    if r.random() < 0.2:
        o += ["remote_read:", "  - url: http://remote/api/v1/read", "    read_recent: true"]
    if r.random() < 0.2:
        o += ["storage:", "  tsdb: {out_of_order_time_window: 10m}", "  exemplars: {max_exemplars: 1000}"]
    return o


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("count", type=int)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    r = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    muts = mutations()
    for i in range(a.count):
        base = good_config(r)
        with open(os.path.join(a.out, "%04d-good.yml" % i), "w") as f:
            f.write("\n".join(base) + "\n")
        name, mut = muts[i % len(muts)] if i < len(muts) else r.choice(muts)
        with open(os.path.join(a.out, "%04d-bad-%s.yml" % (i, name)), "w") as f:
            f.write("\n".join(mut(list(base))) + "\n")


if __name__ == "__main__":
    main()
