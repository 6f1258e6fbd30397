#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Has the reference tools judge a generated stack in DIR: promtool check config (when the
# target Prometheus is older than 3.8, which promtool 2.42 can judge), promtool check rules,
# promtool test rules, amtool check-config, and check_dashboards.py for the Grafana files.
# Usage: check_stack.sh DIR [PROMETHEUS_VERSION]
set -euo pipefail
s=$1 version=${2:-2.42}
here=$(cd "$(dirname "$0")" && pwd)
fail() { echo "FAIL: $*" >&2; exit 1; }
if [ "$(printf '%s\n3.8\n' "$version" | sort -V | head -1)" = 3.8 ]; then
  echo "prometheus.yml targets Prometheus $version: promtool 2.42 cannot judge it; checking the rest"
  grep -q '^    retention:' "$s/prometheus/prometheus.yml" || fail "3.8+ config has no retention block"
  if grep -q '^--storage.tsdb.retention' "$s/prometheus/prometheus.flags"; then
    fail "3.8+ flags file still carries retention flags"
  fi
else
  promtool check config "$s/prometheus/prometheus.yml" || fail "promtool check config"
  grep -q -- '^--storage.tsdb.retention.time=' "$s/prometheus/prometheus.flags" ||
    fail "pre-3.8 flags file has no retention flag"
fi
for rules in "$s"/prometheus/rules/*.yml; do
  promtool check rules "$rules" || fail "promtool check rules $rules"
done
for t in "$s"/prometheus/tests/*.yml; do
  promtool test rules "$t" || fail "promtool test rules $t"
done
amtool check-config "$s/alertmanager/alertmanager.yml" || fail "amtool check-config"
python3 "$here/check_dashboards.py" "$s/grafana" || fail "grafana files"
echo "ok: promtool, amtool and the dashboard checks accept every file in $s"
