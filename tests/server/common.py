# SPDX-License-Identifier: Apache-2.0
"""Shared helpers of the server tests: free ports, temp dirs, starting a process and waiting for
it with a bounded loop, and stopping everything at exit, whatever happened."""
import atexit
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

PROCS = []
DIRS = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def temp_dir(prefix):
    d = tempfile.mkdtemp(prefix="caxtool-%s-" % prefix)
    DIRS.append(d)
    return d


def start(args, log_path, **kw):
    log = open(log_path, "wb")
    p = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                         start_new_session=True, **kw)
    PROCS.append(p)
    return p


def wait_until(what, predicate, timeout=60, log_path=None):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            if predicate():
                return
        except Exception:
            pass
        time.sleep(0.2)
    tail = ""
    if log_path and os.path.exists(log_path):
        with open(log_path, "rb") as f:
            tail = f.read()[-2000:].decode(errors="replace")
    raise SystemExit("timed out waiting for %s\n%s" % (what, tail))


def http_get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as r:
        return r.status, r.read()


def stop_all():
    for p in PROCS:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    for p in PROCS:
        try:
            p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    if not os.environ.get("KEEP_TMP"):
        for d in DIRS:
            shutil.rmtree(d, ignore_errors=True)


atexit.register(stop_all)
signal.signal(signal.SIGTERM, lambda *a: (_ for _ in ()).throw(SystemExit(1)))


def run(binary, args, env_extra=None, timeout=60, stdin=None):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8", "HOME": "/tmp"}
    env.update(env_extra or {})
    t = time.monotonic()
    p = subprocess.run([binary] + args, capture_output=True, env=env, timeout=timeout, input=stdin)
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace"), time.monotonic() - t


class Checker:
    def __init__(self):
        self.failures = 0
        self.passed = 0

    def check(self, name, cond, detail=""):
        if cond:
            self.passed += 1
        else:
            self.failures += 1
            print("FAIL %s\n%s" % (name, detail))

    def finish(self):
        print("%d checks passed, %d failed" % (self.passed, self.failures))
        raise SystemExit(1 if self.failures else 0)
