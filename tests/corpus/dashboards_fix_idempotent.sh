#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# --fix over a copy of every corpus dashboard, twice: the first run's output must still be valid
# JSON with no new PromQL errors, and the second run must change nothing.
# Usage: dashboards_fix_idempotent.sh CAXTOOL
set -u
caxtool=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/dashboards" "$work/d"
before=$("$caxtool" --color never check dashboard --lint all "$work/d" 2>&1 | grep -cE '\[dashboard/(json|promql)\]')
"$caxtool" --color never check dashboard --lint all --fix "$work/d" >"$work/first.out" 2>&1
code=$?
[ "$code" -le 1 ] || { echo "first --fix exited $code" >&2; cat "$work/first.out" >&2; exit 1; }
grep -q ': fixed ' "$work/first.out" || { echo "the first --fix changed nothing" >&2; exit 1; }
after=$(grep -cE '\[dashboard/(json|promql)\]' "$work/first.out")
[ "$before" = "$after" ] || { echo "parse errors: $before before --fix, $after after" >&2; exit 1; }
sum1=$(cat "$work"/d/*.json | sha256sum)
"$caxtool" --color never check dashboard --lint all --fix "$work/d" >"$work/second.out" 2>&1
if grep ': fixed ' "$work/second.out" >&2; then
  echo "the second --fix changed something" >&2
  exit 1
fi
[ "$sum1" = "$(cat "$work"/d/*.json | sha256sum)" ] || { echo "files changed on the second run" >&2; exit 1; }
python3 -c 'import json,sys; [json.load(open(f)) for f in sys.argv[1:]]' "$work"/d/*.json
