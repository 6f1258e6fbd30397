#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Races `caxtool test rules` against `promtool test rules` on issue 9's workload (500 alerts,
# 10,000 input series, 1,000 evaluation steps, written by tests/gen/gen_test_rules.py), with
# ../shared/bench/pairrun.py as ../shared/bench/compare.sh races its workloads. That directory is
# read-only, so this workload lives here; the output line has compare.sh's format:
#   test-rules  promtool_median  caxtool_median  ratio(promtool/caxtool)  caxtool_peak_rss
#
# usage: bench/test-rules.sh CAXTOOL
#   env: RUNS (timed pairs, default 5), SEED (default 1), ALERTS/SERIES/STEPS (workload size),
#        PAIRRUN (default ../shared/bench/pairrun.py beside the repository),
#        CAXBENCH_CACHE (input dir to reuse)
# Exit: 0; 1 when the tools disagree on the exit code (both must pass: the generator computes
# the expectations); 2 on bad usage or a missing tool.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
[ $# -eq 1 ] || { sed -n '3,15p' "$0" >&2; exit 2; }
cax=$(command -v -- "$1") || { echo "test-rules  SKIP (caxtool not found: $1)"; exit 2; }
command -v promtool >/dev/null || { echo "test-rules  SKIP (promtool not found)"; exit 2; }
pairrun=${PAIRRUN:-$here/../../shared/bench/pairrun.py}
[ -f "$pairrun" ] || { echo "test-rules  SKIP (no $pairrun)"; exit 2; }
runs=${RUNS:-5} seed=${SEED:-1}
alerts=${ALERTS:-500} series=${SERIES:-10000} steps=${STEPS:-1000}
cache=${CAXBENCH_CACHE:-$(mktemp -d -t caxbench-test-rules.XXXXXX)}
dir=$cache/test-rules-$alerts-$series-$steps-$seed
if [ ! -f "$dir/test.yml" ]; then
  python3 "$here/../tests/gen/gen_test_rules.py" "$dir" --alerts "$alerts" --series "$series" \
    --steps "$steps" --seed "$seed" || { echo "test-rules  SKIP (input generation failed)"; exit 2; }
fi
q() { printf '%q' "$1"; }
# Both tools resolve rule_files against the test file's directory, so run from anywhere.
pcmd="promtool test rules $(q "$dir/test.yml")"
ccmd="$(q "$cax") test rules $(q "$dir/test.yml")"
# Warm-up run of each (also the verdict probe), then RUNS alternating timed pairs.
out=$(python3 "$pairrun" -n 0 --warmup 1 --timeout 1800 "$ccmd" "$pcmd") ||
  { echo "test-rules  SKIP (harness failed)"; exit 2; }
read -r cx px < <(python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["a"]["warmup_exits"][0], d["b"]["warmup_exits"][0])' <<<"$out")
if [ "$cx" != "$px" ] || [ "$px" != 0 ]; then
  echo "test-rules  MISMATCH (promtool exit $px, caxtool exit $cx)"
  exit 1
fi
out=$(python3 "$pairrun" -n "$runs" --warmup 0 --timeout 1800 "$ccmd" "$pcmd") ||
  { echo "test-rules  SKIP (harness failed)"; exit 2; }
python3 - "$out" <<'PY'
import json, sys
d = json.loads(sys.argv[1])
a, b = d["a"], d["b"]
if sorted(set(a["exits"] + b["exits"])) != [0]:
    print("test-rules  MISMATCH (exit codes varied: promtool %s, caxtool %s)" % (b["exits"], a["exits"]))
    sys.exit(1)
r = d["ratio_b_over_a"]["median"]
rss = "-" if a["rss_kb"] is None else "%.1fMB" % (a["rss_kb"] / 1024)
prss = "-" if b.get("rss_kb") is None else "%.1fMB" % (b["rss_kb"] / 1024)
print("test-rules  %.4fs  %.4fs  %.2f  %s" % (b["median_s"], a["median_s"], r, rss), flush=True)
print("(promtool peak rss %s)" % prss, file=sys.stderr)
PY
rc=$?
[ -n "${CAXBENCH_CACHE:-}" ] || echo "(inputs in $cache; export CAXBENCH_CACHE=$cache to reuse)" >&2
exit $rc
