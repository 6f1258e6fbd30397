#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Regenerates man/ and completions/ from the command table of a built caxtool.
set -euo pipefail
bin=${1:-build/caxtool}
cd "$(dirname "$0")/.."
"$bin" --man-page > man/caxtool.1
"$bin" completion bash > completions/caxtool.bash
"$bin" completion zsh > completions/_caxtool
"$bin" completion fish > completions/caxtool.fish
