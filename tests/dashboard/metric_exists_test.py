#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""check dashboard --url: every metric a query selects is looked up on the server (one request
for all metric names), a missing one is an error at its position, names built from variables
are not looked up, and an unreachable server is exit 3. Standard library only.

  metric_exists_test.py CAXTOOL
"""
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SEEN = []


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        SEEN.append(self.path)
        if self.path.startswith("/api/v1/label/__name__/values"):
            body = json.dumps({"status": "success", "data": ["up", "http_requests_total"]})
            code = 200
        else:
            body, code = "not found", 404
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body.encode())

    def log_message(self, *args):
        pass


DASHBOARD = {
    "uid": "m", "title": "Metrics", "schemaVersion": 39,
    "time": {"from": "now-1h", "to": "now"},
    "templating": {"list": [{"name": "metric", "type": "custom", "query": "up"}]},
    "panels": [{"id": 1, "type": "stat", "title": "p", "targets": [
        {"expr": "sum(rate(http_requests_total[$__rate_interval])) / sum(up)"},
        {"expr": "rate(http_request_renamed_total[$__rate_interval])"},
        {"expr": "${metric}_other"}]}],
}


def run(caxtool, *args):
    p = subprocess.run([caxtool, "--color", "never", *args], capture_output=True, text=True,
                       timeout=30)
    return p.returncode, p.stdout + p.stderr


def main():
    caxtool = sys.argv[1]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d" % server.server_address[1]
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "d.json")
        with open(path, "w") as f:
            json.dump(DASHBOARD, f, indent=2)
        code, out = run(caxtool, "check", "dashboard", "--url", url, path)
        if code != 1:
            failures.append("missing metric: exit %d, want 1" % code)
        if "metric http_request_renamed_total does not exist" not in out:
            failures.append("missing metric not reported")
        if out.count("[dashboard/metric-exists]") != 1:
            failures.append("want exactly one metric-exists finding")
        if len([p for p in SEEN if "__name__" in p]) != 1:
            failures.append("want one request for the metric names, saw %r" % SEEN)
        DASHBOARD["panels"][0]["targets"].pop(1)
        with open(path, "w") as f:
            json.dump(DASHBOARD, f, indent=2)
        code, out = run(caxtool, "check", "dashboard", "--url", url, path)
        if code != 0:
            failures.append("all metrics exist: exit %d, want 0\n%s" % (code, out))
        code, out = run(caxtool, "check", "dashboard", "--url", "http://127.0.0.1:1",
                        "--retries", "0", path)
        if code != 3:
            failures.append("unreachable server: exit %d, want 3" % code)
        code, out = run(caxtool, "check", "dashboard", path)
        if code != 0 or "metric-exists" in out:
            failures.append("without --url nothing is looked up")
    server.shutdown()
    for f in failures:
        print("FAIL:", f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
