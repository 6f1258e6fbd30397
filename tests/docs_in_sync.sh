#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fails when man/ or completions/ drift from what the binary generates from its command table.
# Regenerate with: scripts/gen-docs.sh build/caxtool
set -euo pipefail
bin=$1 src=$2
status=0
check() {
  local file=$1; shift
  if ! diff -u "$src/$file" <("$bin" "$@") >&2; then
    echo "$file is out of date: run scripts/gen-docs.sh $bin" >&2
    status=1
  fi
}
check man/caxtool.1 --man-page
check completions/caxtool.bash completion bash
check completions/_caxtool completion zsh
check completions/caxtool.fish completion fish
exit $status
