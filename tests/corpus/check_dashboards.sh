#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Lints every corpus dashboard with every check on and compares the findings (one line each,
# without the source excerpt) with expected-dashboards.txt, whose lines were reviewed one by
# one. A crash, a hang or any change in findings fails; UPDATE=1 rewrites the file.
# Usage: check_dashboards.sh CAXTOOL
set -u
caxtool=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
cd "$here" || exit 1
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT
timeout 60 "$caxtool" --color never check dashboard --lint all dashboards >/dev/null 2>"$actual.err"
code=$?
grep -E '^dashboards/[^:]+:[0-9]+:[0-9]+: ' "$actual.err" >"$actual"
tail -n 1 "$actual.err" >>"$actual"
rm -f "$actual.err"
if [ "$code" -gt 1 ]; then
  echo "caxtool exited $code (want 0 or 1)" >&2
  exit 1
fi
if [ "${UPDATE:-}" = 1 ]; then
  cp "$actual" expected-dashboards.txt
  exit 0
fi
diff -u expected-dashboards.txt "$actual"
