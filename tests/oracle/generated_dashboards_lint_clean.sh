#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The dashboards `caxtool generate` writes pass `caxtool check dashboard` with the default
# checks and not even an info finding.
# Usage: generated_dashboards_lint_clean.sh CAXTOOL
set -u
caxtool=$(realpath "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$caxtool" -q generate --only grafana --out "$work/out" || exit 1
ls "$work"/out/grafana/dashboards/*.json >/dev/null || { echo "no dashboards generated" >&2; exit 1; }
"$caxtool" --color never check dashboard --fail-on info "$work/out"
