#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# The README's second command, and what CI runs: install what is missing, then the whole suite:
# format check, a -Werror build with every ctest (unit, golden CLI, reference-tool oracle, docs
# drift, completions, fuzz replay), the same tests under ASan+UBSan, each libFuzzer target for a
# bounded time, and the install and .deb packaging.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-$(nproc)}
fuzz_seconds=${FUZZ_SECONDS:-60}
step() { printf '\n== %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "format (clang-format-14, .clang-format)"
files=$(git ls-files '*.cpp' '*.h' '*.h.in' | grep -v '^build')
if ! clang-format-14 --dry-run --Werror $files; then
  echo "format: run clang-format-14 -i on the files above" >&2
  exit 1
fi

step "build (-Werror) and ctest"
cmake -S . -B build -G Ninja -DCAXTOOL_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build -j "$jobs" --output-on-failure --timeout 300

step "ASan+UBSan build and ctest"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCAXTOOL_SANITIZE=ON \
  -DCAXTOOL_WERROR=ON >/dev/null
cmake --build build-asan -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan -j "$jobs" --output-on-failure --timeout 600 -E '^shell/'

step "ThreadSanitizer: check rules on an input large enough for its threads"
CC=clang-14 CXX=clang++-14 cmake -S . -B build-tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCAXTOOL_TESTS=OFF -DCMAKE_CXX_FLAGS=-fsanitize=thread -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread \
  >/dev/null
cmake --build build-tsan -j "$jobs" --target caxtool
rc=0
TSAN_OPTIONS=halt_on_error=1 build-tsan/caxtool -q check rules --lint all --prometheus-version 2.42 \
  tests/corpus/rules/prometheus__promtool-testdata__rules_large.yml >/dev/null \
  2>build-tsan/tsan.log || rc=$?
if [ "$rc" -gt 1 ] || grep -q 'ThreadSanitizer' build-tsan/tsan.log; then
  grep -A20 ThreadSanitizer build-tsan/tsan.log >&2 || tail -20 build-tsan/tsan.log >&2
  exit 1
fi

step "fuzz (${fuzz_seconds}s per target)"
CC=clang-14 CXX=clang++-14 cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCAXTOOL_FUZZ=ON >/dev/null
cmake --build build-fuzz -j "$jobs" --target fuzz_yaml fuzz_values fuzz_promql fuzz_gotemplate fuzz_rules \
  fuzz_promapi fuzz_series_stream fuzz_tsdb_index fuzz_exposition fuzz_collector fuzz_config \
  fuzz_dashboard fuzz_ruletest
for target in yaml values promql gotemplate rules promapi series_stream tsdb_index exposition collector config \
    dashboard ruletest; do
  work=$(mktemp -d)
  cp fuzz/corpus/$target/* "$work/"
  if ! build-fuzz/fuzz/fuzz_$target -max_total_time="$fuzz_seconds" -max_len=65536 -timeout=10 \
      -rss_limit_mb=2048 -artifact_prefix=build-fuzz/crash-$target- "$work" 2>build-fuzz/fuzz-$target.log; then
    tail -n 40 build-fuzz/fuzz-$target.log >&2
    echo "fuzz: $target found a crash; keep it in fuzz/corpus/$target/ once fixed" >&2
    exit 1
  fi
  tail -n 1 build-fuzz/fuzz-$target.log
  rm -rf "$work"
done

step "install and .deb"
stage=$(mktemp -d)
cmake --install build --prefix "$stage/usr" >/dev/null
for f in usr/bin/caxtool usr/share/man/man1/caxtool.1 \
         usr/share/bash-completion/completions/caxtool; do
  [ -e "$stage/$f" ] || { echo "install: $f missing" >&2; exit 1; }
done
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/caxtool_*.deb | head -1)
contents=$(dpkg-deb -c "$deb")
grep -q './usr/bin/caxtool$' <<<"$contents" || { echo "deb: no usr/bin/caxtool" >&2; exit 1; }
echo "built $deb"
rm -rf "$stage"

step "all tests passed"
