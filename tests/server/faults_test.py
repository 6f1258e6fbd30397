#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""caxtool against a misbehaving server (fault_server.py): every fault gives a clear message and
the exit code of CLI.md, never a hang past --timeout; retries happen only where they should;
credentials never reach another origin and never appear in output, -v included.

  faults_test.py CAXTOOL
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Checker, free_port, http_get, run, start, temp_dir, wait_until  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def start_fault_server(tmp, name, extra=()):
    port_file = os.path.join(tmp, name + ".port")
    log = os.path.join(tmp, name + ".log")
    start([sys.executable, os.path.join(HERE, "fault_server.py"), port_file] + list(extra), log)
    wait_until(name, lambda: os.path.exists(port_file), 30, log)
    with open(port_file) as f:
        return "http://127.0.0.1:" + f.read().strip()


def make_certs(tmp):
    """A CA, a server certificate for 127.0.0.1 and a client certificate, with openssl."""
    import shutil
    import subprocess
    if shutil.which("openssl") is None:
        print("note: openssl missing, TLS cases skipped")
        return None
    d = os.path.join(tmp, "certs")
    os.makedirs(d)
    p = lambda n: os.path.join(d, n)  # noqa: E731

    def sh(*args):
        subprocess.run(["openssl"] + list(args), check=True, capture_output=True)
    sh("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", p("ca.key"), "-out", p("ca.crt"),
       "-days", "2", "-subj", "/CN=caxtool test CA")
    with open(p("san.ext"), "w") as f:
        f.write("subjectAltName=IP:127.0.0.1\n")
    for name in ("server", "client"):
        sh("req", "-newkey", "rsa:2048", "-nodes", "-keyout", p(name + ".key"), "-out", p(name + ".csr"),
           "-subj", "/CN=" + name)
        sh("x509", "-req", "-in", p(name + ".csr"), "-CA", p("ca.crt"), "-CAkey", p("ca.key"),
           "-CAcreateserial", "-out", p(name + ".crt"), "-days", "2", "-extfile", p("san.ext"))
    return {"ca": p("ca.crt"), "server_crt": p("server.crt"), "server_key": p("server.key"),
            "client_crt": p("client.crt"), "client_key": p("client.key")}


def requests_seen(base, prefix):
    _, body = http_get(base + "/_log")
    return [r for r in json.loads(body) if r["path"].startswith(prefix)]


def main():
    caxtool = sys.argv[1]
    tmp = temp_dir("faults")
    main_url = start_fault_server(tmp, "main")
    other_url = start_fault_server(tmp, "other")
    other_port = other_url.rsplit(":", 1)[1]
    c = Checker()
    token_file = os.path.join(tmp, "token")
    with open(token_file, "w") as f:
        f.write("tok-3f9a1c-secret\n")
    pw_file = os.path.join(tmp, "password")
    with open(pw_file, "w") as f:
        f.write("pw-77e2b0-secret\n")

    def case(name, args, code, stderr_has=(), max_seconds=20, **kw):
        rc, out, err, secs = run(caxtool, args, **kw)
        detail = "args=%s\nexit=%d (want %d) in %.1fs\nstdout=%s\nstderr=%s" % (args, rc, code, secs, out[:800], err[:800])
        c.check(name + ": exit code", rc == code, detail)
        for s in stderr_has:
            c.check(name + ": stderr has %r" % s, s in err, detail)
        c.check(name + ": within %ss" % max_seconds, secs < max_seconds, detail)
        return rc, out, err, secs

    # Nothing listens: a clear message, exit 3, and retries (2 by default) still end quickly.
    closed = "http://127.0.0.1:%d" % free_port()
    case("refused", ["targets", "--url", closed], 3, ["could not connect", "hint:", "--url"], 10)
    # A server that accepts and never answers, and one that trickles: the timeout holds.
    case("hang", ["targets", "--url", main_url + "/hang", "--timeout", "2s"], 3, ["no answer within"], 4.5)
    case("trickle", ["targets", "--url", main_url + "/trickle", "--timeout", "2s"], 3, ["no answer within"], 4.5)
    case("hang/status", ["status", "--url", main_url + "/hang", "--timeout", "1s"], 3, [], 3.5)
    case("truncated", ["targets", "--url", main_url + "/truncated"], 3, ["GET " + main_url + "/truncated/api/v1/targets"])
    case("invalid json", ["targets", "--url", main_url + "/invalid"], 3, ["invalid JSON", "hint:"])
    case("html", ["targets", "--url", main_url + "/html"], 3, ["not JSON (text/html)", "Grafana login"])
    case("too big", ["targets", "--url", main_url + "/big", "--max-response-size", "1MB"], 3, ["larger than 1 MiB"])
    case("bad max size", ["targets", "--url", main_url + "/ok", "--max-response-size", "lots"], 2, ["--max-response-size"])
    case("bad timeout", ["targets", "--url", main_url + "/ok", "--timeout", "soon"], 2, ["--timeout"])
    case("bad url", ["targets", "--url", "localhost:9090"], 2, ["--url"])
    case("tenant without engine", ["targets", "--url", main_url + "/ok", "--tenant", "a"], 2, ["--engine"])
    case("missing token file", ["targets", "--url", main_url + "/ok", "--bearer-token-file", "/nonexistent"], 3,
         ["/nonexistent"])

    # 503 "Service Unavailable" once (a server still replaying its WAL): the retry succeeds. The
    # answer holds a down target: exit 1.
    rc, out, err, _ = case("flaky then ok", ["targets", "--url", main_url + "/flaky"], 1)
    c.check("flaky: two requests", len(requests_seen(main_url, "/flaky/")) == 2, str(requests_seen(main_url, "/flaky/")))
    c.check("flaky: table", "job0" in out and "down" in out, out)
    # 401: no retry, a message about credentials.
    case("401", ["targets", "--url", main_url + "/auth"], 3, ["HTTP 401", "--bearer-token-file"])
    c.check("401: one request", len(requests_seen(main_url, "/auth/")) == 1, str(requests_seen(main_url, "/auth/")))
    # 429 with Retry-After: 1, one retry allowed: two requests, a second apart.
    _, _, _, secs = case("429", ["targets", "--url", main_url + "/ratelimit", "--retries", "1"], 3, ["HTTP 429"])
    c.check("429: two requests", len(requests_seen(main_url, "/ratelimit/")) == 2)
    c.check("429: waited for Retry-After", secs >= 0.9, "%.2fs" % secs)
    # With no time left for another try, no retry.
    _, _, _, secs = case("429 short timeout", ["targets", "--url", main_url + "/ratelimit", "--timeout", "500ms"], 3, [], 2)

    # A redirect to another port: the token and custom headers stay behind; -v shows no secret.
    args = ["-v", "targets", "--url", main_url + "/redirect/" + other_port, "--bearer-token-file", token_file,
            "--header", "X-Api-Key: hdr-5d1e-secret", "--header", "X-Trace: visible"]
    rc, out, err, _ = case("redirect", args, 1, ["redirect to another origin"])
    first = requests_seen(main_url, "/redirect/")
    moved = requests_seen(other_url, "/ok/")
    c.check("redirect: origin got the token", first and first[-1]["headers"].get("Authorization") == "Bearer tok-3f9a1c-secret", str(first))
    c.check("redirect: other origin got no credentials",
            moved and "Authorization" not in moved[-1]["headers"] and "X-Api-Key" not in moved[-1]["headers"], str(moved))
    for secret in ("tok-3f9a1c-secret", "hdr-5d1e-secret"):
        c.check("redirect -v: %s not printed" % secret, secret not in out + err, err)
    c.check("redirect -v: non-secret header shown", "X-Trace: visible" in err, err)
    # Basic auth: neither the password nor its base64 form is printed, with -v, on failure either.
    import base64
    encoded = base64.b64encode(b"admin:pw-77e2b0-secret").decode()
    for url in (main_url + "/ok", main_url + "/auth", "http://admin:pw-77e2b0-secret@127.0.0.1:%s/auth" % main_url.rsplit(":", 1)[1]):
        rc, out, err, _ = run(caxtool, ["-v", "targets", "--url", url, "--basic-auth-user", "admin",
                                        "--basic-auth-password-file", pw_file])
        for secret in ("pw-77e2b0-secret", encoded):
            c.check("basic -v %s: secret not printed" % url.split("@")[-1], secret not in out + err, err)
    seen = requests_seen(main_url, "/ok/")
    c.check("basic auth sent", any(r["headers"].get("Authorization") == "Basic " + encoded for r in seen), str(seen[-1:]))
    # JSON output keeps every field the server sent.
    rc, out, err, _ = run(caxtool, ["--format", "json", "targets", "--url", main_url + "/ok"])
    doc = json.loads(out)
    _, raw = http_get(main_url + "/ok/api/v1/targets")
    raw = json.loads(raw)["data"]
    c.check("json: same objects as the server", doc["activeTargets"] == raw["activeTargets"] and
            doc["droppedTargets"] == raw["droppedTargets"] and doc["droppedTargetCounts"] == raw["droppedTargetCounts"])
    rc, out, err, _ = run(caxtool, ["--format", "sarif", "targets", "--url", main_url + "/ok"])
    c.check("sarif is a usage error for targets", rc == 2, err)

    # gzip is asked for and undone; proxies come from the environment.
    case("gzip", ["targets", "--url", main_url + "/gzip"], 1)
    rc, out, err, _ = case("proxy from http_proxy", ["targets", "--url", "http://prometheus.invalid:9090"], 1,
                           env_extra={"http_proxy": main_url})
    c.check("proxy: the request went through the proxy",
            any(r["path"].startswith("http://prometheus.invalid:9090/api/v1/targets") for r in requests_seen(main_url, "http://")))

    # TLS: a CA file, a client certificate, and the explicit way out for a test server.
    certs = make_certs(tmp)
    if certs:
        tls_url = start_fault_server(tmp, "tls", ["--tls", certs["server_crt"], certs["server_key"], certs["ca"]])
        tls_url = tls_url.replace("http://", "https://")
        client = ["--cert-file", certs["client_crt"], "--key-file", certs["client_key"]]
        case("tls: unknown CA", ["targets", "--url", tls_url + "/ok"] + client, 3, ["TLS failed", "--ca-file"])
        case("tls: CA and client cert", ["targets", "--url", tls_url + "/ok", "--ca-file", certs["ca"]] + client, 1)
        case("tls: insecure", ["targets", "--url", tls_url + "/ok", "--insecure-skip-verify"] + client, 1)
        case("tls: no client cert", ["targets", "--url", tls_url + "/ok", "--ca-file", certs["ca"]], 3, ["hint:"])

    # 100,000 targets: rendered whole; the figures are printed, not asserted (CI must not fail on time).
    big_url = start_fault_server(tmp, "big", ["--targets", "100000"])
    http_get(big_url + "/ok/api/v1/targets", timeout=120)  # warm: the server builds the body once
    for fmt in ("text", "json"):
        t = time.monotonic()
        rc, out, err, secs = run(caxtool, ["--format", fmt, "targets", "--url", big_url + "/ok"], timeout=120)
        if fmt == "text":
            rows = out.count("\n") - 1
            c.check("100k: every row", rows == 100001, "rows=%d" % rows)
        else:
            c.check("100k json: every target", len(json.loads(out)["activeTargets"]) == 100000)
        c.check("100k %s: exit 1 (some down)" % fmt, rc == 1, err[-500:])
        print("100k targets, --format %s: %.2fs wall (client and server), %d bytes out" % (fmt, secs, len(out)))
    c.finish()


if __name__ == "__main__":
    main()
