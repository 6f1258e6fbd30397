#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Starts the real Prometheus (Debian's 2.42) on the generated prometheus.yml and flags file, on a
# free loopback port with a temp TSDB, and checks that it is ready, loaded every rule group, and
# took the retention from the flags file. Stops it on every exit path.
# Usage: run_prometheus.sh CAXTOOL
set -euo pipefail
bin=$1
work=$(mktemp -d)
pid=""
cleanup() {
  [ -z "$pid" ] || { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
"$bin" -q generate --out "$work/stack" --set prometheus.tsdbPath="$work/data"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cd "$work/stack/prometheus"
# The flags file is used as written but for the listen address, moved to a free loopback port
# (kingpin refuses a repeated flag, so the line is rewritten rather than overridden).
sed -i "s/^--web.listen-address=.*/--web.listen-address=127.0.0.1:$port/" prometheus.flags
prometheus --config.file=prometheus.yml @prometheus.flags >"$work/prometheus.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 100); do
  curl -fsS "$url/-/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/prometheus.log" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$url/-/ready" >/dev/null || { echo "FAIL: not ready" >&2; cat "$work/prometheus.log" >&2; exit 1; }
rules=$(curl -fsS "$url/api/v1/rules")
flags=$(curl -fsS "$url/api/v1/status/flags")
python3 - "$rules" "$flags" <<'PY'
import json, sys
rules = json.loads(sys.argv[1])["data"]["groups"]
flags = json.loads(sys.argv[2])["data"]
names = {g["name"] for g in rules}
want = {"caxton_critical", "caxton_performance"}
assert want <= names, f"rule groups {names} lack {want - names}"
assert all(r["health"] != "err" for g in rules for r in g["rules"]), "a rule has health err"
assert flags["storage.tsdb.retention.time"] == "30d", flags["storage.tsdb.retention.time"]
assert flags["storage.tsdb.retention.size"] in ("10GB", "10GiB"), flags["storage.tsdb.retention.size"]
print(f"ok: Prometheus loaded {len(rules)} rule groups and the flags file")
PY
