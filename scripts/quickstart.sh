#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The README's first command: install what is missing, build caxtool, generate the Caxton
# monitoring stack from the built-in defaults into ./caxton-monitoring, and have promtool,
# amtool and the dashboard checks judge every file it wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCAXTOOL_TESTS=OFF >/dev/null
cmake --build build --target caxtool
./build/caxtool generate --out caxton-monitoring
bash tests/oracle/check_stack.sh caxton-monitoring
