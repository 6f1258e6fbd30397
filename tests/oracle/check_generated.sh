#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Generates the stack for one values file ("-" for the built-in defaults) into a temp dir and
# runs check_stack.sh on it. Usage: check_generated.sh CAXTOOL VALUES|-
set -euo pipefail
bin=$1 values=$2
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=(-q generate --out "$out/stack")
version=2.42
if [ "$values" != - ]; then
  args+=(--values "$values")
  version=$(python3 -c 'import sys, yaml
d = yaml.safe_load(open(sys.argv[1])) or {}
print((d.get("prometheus") or {}).get("version", "2.42"))' "$values")
fi
"$bin" "${args[@]}"
"$here/check_stack.sh" "$out/stack" "$version"
