#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# caxtool's verdict on every corpus rule file must be promtool 2.42's (expected-rules.tsv).
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")"
agree=0 disagree=0
while IFS=$'\t' read -r kind file code _; do
  [ "$kind" = rules ] || continue
  rc=0
  "$bin" -q check rules --lint none --prometheus-version 2.42 "$file" >/dev/null 2>/tmp/caxtool-corpus.$$ || rc=$?
  if [ "$rc" = "$code" ]; then
    agree=$((agree + 1))
  else
    disagree=$((disagree + 1))
    echo "DISAGREE $file: promtool exit $code, caxtool exit $rc" >&2
    head -n 5 /tmp/caxtool-corpus.$$ >&2
  fi
done < expected-rules.tsv
rm -f /tmp/caxtool-corpus.$$
echo "corpus: $agree of $((agree + disagree)) verdicts agree with promtool 2.42"
[ "$disagree" = 0 ]
