#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The prometheus.yml `caxtool generate` writes, for the built-in defaults and every values file
# of the oracle tests, passes `caxtool check config` with every lint on and nothing reported,
# for the Prometheus version the values target.
# Usage: generated_checks_clean.sh CAXTOOL VALUES_DIR
set -euo pipefail
bin=$1 values_dir=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for values in - "$values_dir"/*.yaml; do
  args=(-q generate --out "$out/stack")
  version=2.42
  if [ "$values" != - ]; then
    args+=(--values "$values")
    version=$(python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1])) or {}
print((d.get("prometheus") or {}).get("version", "2.42"))' "$values")
  fi
  rm -rf "$out/stack"
  "$bin" "${args[@]}"
  if ! "$bin" check config --prometheus-version "$version" --fail-on info \
      "$out/stack/prometheus/prometheus.yml" >"$out/log" 2>&1 || grep -q ': \(error\|warning\|info\):' "$out/log"; then
    echo "FAIL: $values (Prometheus $version):" >&2
    cat "$out/log" >&2
    status=1
  else
    echo "ok: $values (Prometheus $version)"
  fi
done
exit $status
