#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The collector config `caxtool generate` writes checks clean: for the built-in defaults and for
# every values file in tests/oracle/values, `check collector --fail-on warning` finds nothing
# above info, on the distribution the file's header names (core unless it needs contrib).
# Usage: check_generated.sh CAXTOOL
set -euo pipefail
bin=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for values in - "$here"/../oracle/values/*.yaml; do
  rm -rf "$out/stack"
  args=(-q generate --out "$out/stack" --only collector)
  [ "$values" != - ] && args+=(--values "$values")
  "$bin" "${args[@]}"
  file=$(find "$out/stack" -name 'otel-collector.yaml' | head -1)
  dist=core
  grep -q 'Needs the contrib distribution' "$file" && dist=contrib
  if ! "$bin" check collector --distribution "$dist" --fail-on warning "$file"; then
    echo "FAIL: generated collector config for values $values is not clean ($dist)"
    status=1
  fi
done
exit $status
