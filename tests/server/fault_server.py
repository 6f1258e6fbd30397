#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A misbehaving Prometheus API on loopback, for caxtool's fault tests. Standard library only.

  fault_server.py PORT_FILE [--targets N]

Binds 127.0.0.1 on a free port, writes the port to PORT_FILE, and serves until killed. The first
path segment chooses the behaviour; the rest of the path is the API path asked for:

  /ok/...          a valid answer for /api/v1/targets (N generated targets with --targets)
  /hang/...        accepts, reads the request, never answers
  /trickle/...     headers, then one byte a second
  /truncated/...   Content-Length 1000, 20 bytes, then the connection closes
  /invalid/...     200 with invalid JSON
  /html/...        200 with an HTML page
  /big/...         200 with a 3 MB JSON body
  /flaky/...       503 "Service Unavailable" (plain text) once per path, then the /ok answer
  /auth/...        401 every time
  /ratelimit/...   429 with Retry-After: 1 every time
  /redirect/PORT/... 302 to http://127.0.0.1:PORT/ok/...
  /gzip/...        the /ok answer gzip-encoded, when the client accepts gzip
  http://HOST/...  (a proxy request) the /ok answer: the server doubles as an HTTP proxy

  --tls CERT KEY [CLIENT_CA]   serve HTTPS; with CLIENT_CA, require a client certificate
  /_log            the requests seen so far: [{"path":..., "headers":{...}}]
"""
import gzip
import json
import ssl
import socket
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG = []
LOCK = threading.Lock()
FLAKY_SEEN = set()


def targets_body(n):
    active = []
    for i in range(n):
        job = "job%d" % (i % 50)
        inst = "10.%d.%d.%d:9100" % (i >> 16 & 255, i >> 8 & 255, i & 255)
        down = i % 97 == 0
        active.append({
            "discoveredLabels": {"__address__": inst, "__metrics_path__": "/metrics",
                                 "__scheme__": "http", "job": job},
            "labels": {"instance": inst, "job": job},
            "scrapePool": job,
            "scrapeUrl": "http://%s/metrics" % inst,
            "globalUrl": "http://%s/metrics" % inst,
            "lastError": "connection refused" if down else "",
            "lastScrape": "2026-11-29T22:00:00.123456789Z",
            "lastScrapeDuration": 0.0123,
            "health": "down" if down else "up",
            "scrapeInterval": "15s",
            "scrapeTimeout": "10s",
        })
    dropped = [{"discoveredLabels": {"__address__": "10.9.9.9:80", "job": "job0"}, "scrapePool": "job0"}]
    return json.dumps({"status": "success", "data": {
        "activeTargets": active, "droppedTargets": dropped,
        "droppedTargetCounts": {"job0": 1}}}).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    ok_body = targets_body(3)

    def log_message(self, *args):
        pass

    def send(self, code, body, ctype="application/json", extra=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = self.path.split("/")
        kind = parts[1] if len(parts) > 1 else ""
        if self.path.startswith("http://"):
            kind = "proxied"
        if kind != "_log":
            with LOCK:
                LOG.append({"path": self.path, "headers": {k: v for k, v in self.headers.items()}})
        if kind == "_log":
            with LOCK:
                return self.send(200, json.dumps(LOG).encode())
        if kind in ("ok", "proxied"):
            return self.send(200, Handler.ok_body)
        if kind == "gzip":
            if "gzip" not in self.headers.get("Accept-Encoding", ""):
                return self.send(406, b"gzip only\n", "text/plain")
            return self.send(200, gzip.compress(Handler.ok_body), extra={"Content-Encoding": "gzip"})
        if kind == "hang":
            time.sleep(3600)
            return
        if kind == "trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            for _ in range(3600):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:
                    return
                time.sleep(1)
            return
        if kind == "truncated":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b'{"status":"success",')
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        if kind == "invalid":
            return self.send(200, b'{"status":"success","data":{"activeTargets":[{')
        if kind == "html":
            return self.send(200, b"<html><body>Grafana login</body></html>", "text/html")
        if kind == "big":
            return self.send(200, b'{"status":"success","data":"' + b"x" * (3 << 20) + b'"}')
        if kind == "flaky":
            with LOCK:
                first = self.path not in FLAKY_SEEN
                FLAKY_SEEN.add(self.path)
            if first:
                return self.send(503, b"Service Unavailable\n", "text/plain; charset=utf-8")
            return self.send(200, Handler.ok_body)
        if kind == "auth":
            return self.send(401, b"Unauthorized\n", "text/plain")
        if kind == "ratelimit":
            return self.send(429, b"Too Many Requests\n", "text/plain", {"Retry-After": "1"})
        if kind == "redirect":
            port = parts[2]
            rest = "/".join(parts[3:])
            return self.send(302, b"", "text/plain", {"Location": "http://127.0.0.1:%s/ok/%s" % (port, rest)})
        return self.send(404, b"404 page not found\n", "text/plain")


def main():
    port_file = sys.argv[1]
    if "--targets" in sys.argv:
        Handler.ok_body = targets_body(int(sys.argv[sys.argv.index("--targets") + 1]))
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if "--tls" in sys.argv:
        i = sys.argv.index("--tls")
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(sys.argv[i + 1], sys.argv[i + 2])
        if len(sys.argv) > i + 3 and not sys.argv[i + 3].startswith("--"):
            ctx.verify_mode = ssl.CERT_REQUIRED
            ctx.load_verify_locations(sys.argv[i + 3])
        server.socket = ctx.wrap_socket(server.socket, server_side=True)
    with open(port_file + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    import os
    os.rename(port_file + ".tmp", port_file)
    server.serve_forever()


if __name__ == "__main__":
    main()
