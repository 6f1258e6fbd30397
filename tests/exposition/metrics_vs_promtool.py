#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Differential test: caxtool check metrics against promtool 2.42 check metrics.

Compares verdicts (exit codes) on
  1. every Prometheus-text file of the corpus (shared/corpus/exposition, promtool's verdict
     recorded in expected.tsv and re-run live when promtool is installed);
  2. every OpenMetrics suite case, read with --input-format openmetrics, against the suite's
     shouldParse (promtool 2.42 has no OpenMetrics parser, so the suite is the truth there);
  3. generated expositions (gen_exposition.py, with and without lint issues) and random
     mutations of valid files, against live promtool.

Usage: metrics_vs_promtool.py CAXTOOL [--seed N] [--mutations N]
Exit 0 when every verdict agrees, 1 otherwise, 77 when promtool or the corpus is missing.
Standard library only.
"""

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
# The corpus and the generator are copied into the repository, so a fresh clone has them.
CORPUS = os.environ.get("CAXTOOL_CORPUS", os.path.join(HERE, "..", "corpus"))
EXPECTED = os.path.join(CORPUS, "expected-exposition.tsv")
GEN = os.path.join(HERE, "..", "gen", "gen_exposition.py")
PROMTOOL = os.environ.get("PROMTOOL", "/usr/bin/promtool")


def run(cmd, data):
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    return p.returncode, p.stderr.decode("utf-8", "replace")


def promtool(data):
    return run([PROMTOOL, "check", "metrics"], data)


def caxtool(cax, data, fmt="prometheus"):
    # OpenMetrics suite cases judge parsing only: lint findings (exit 3) are not their concern.
    lint = ["--lint", "none"] if fmt == "openmetrics" else []
    return run([cax, "-q", "check", "metrics", "--input-format", fmt] + lint + ["-"], data)


def mutate(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        if not b:
            break
        i = rng.randrange(len(b))
        op = rng.randrange(6)
        if op == 0:
            b[i] = rng.choice(b' \t\n{}",=#\\_:.eE+-0123456789aZ\x80\xff')
        elif op == 1:
            del b[i]
        elif op == 2:
            b.insert(i, rng.choice(b' \t\n{}",=#\\'))
        elif op == 3:
            j = min(len(b), i + rng.randint(1, 40))
            b[i:i] = b[i:j]
        elif op == 4:
            b = b[:i]
        else:
            line = rng.choice([b"# TYPE x gauge\n", b"# HELP x h\n", b"x 1\n", b"x_total 1 2\n",
                               b"# TYPE x histogram\n", b"x_bucket{le=\"1\"} 1\n"])
            nl = b.rfind(b"\n", 0, i) + 1
            b[nl:nl] = line
    return bytes(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("caxtool")
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--mutations", type=int, default=300)
    args = ap.parse_args()
    if not os.path.exists(PROMTOOL) or not os.path.isdir(CORPUS):
        print("skip: promtool or corpus missing", file=sys.stderr)
        return 77
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print("seed", seed)
    rng = random.Random(seed)
    failures = []
    counts = {"corpus": 0, "openmetrics-suite": 0, "generated": 0, "mutations": 0}

    def compare(kind, name, data, want, fmt="prometheus"):
        counts[kind] += 1
        got, err = caxtool(args.caxtool, data, fmt)
        if got != want:
            failures.append((kind, name, want, got, err.strip().splitlines()[:3]))

    valid = []
    with open(EXPECTED, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if cols[0] != "exposition":
                continue
            path = os.path.join(CORPUS, cols[1])
            data = open(path, "rb").read()
            m = re.search(r"shouldParse=(true|false)", cols[4])
            if m:
                compare("openmetrics-suite", cols[1], data, 0 if m.group(1) == "true" else 1,
                        "openmetrics")
            want, _ = promtool(data)
            if str(want) != cols[2]:
                print("note: promtool now says %d for %s (expected.tsv: %s)" % (want, cols[1], cols[2]))
            compare("corpus", cols[1], data, want)
            if want == 0:
                valid.append((cols[1], data))

    tmp = tempfile.mkdtemp()
    try:
        for fams, spf, extra in [(20, 5, []), (50, 20, []), (30, 10, ["--lint-issues", "3"]),
                                 (10, 50, ["--lint-issues", "5"]), (40, 8, ["--highcard", "50"])]:
            out = os.path.join(tmp, "gen.prom")
            subprocess.run([sys.executable, GEN, str(fams), str(spf), out, "--seed",
                            str(rng.randrange(1000))] + extra, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            data = open(out, "rb").read()
            compare("generated", "gen %d %d %s" % (fams, spf, " ".join(extra)), data, promtool(data)[0])
            valid.append(("gen", data[:20000]))
    finally:
        shutil.rmtree(tmp)

    for k in range(args.mutations):
        name, data = rng.choice(valid)
        m = mutate(rng, data)
        compare("mutations", "%s mutation %d" % (name, k), m, promtool(m)[0])

    for kind, n in counts.items():
        bad = sum(1 for f in failures if f[0] == kind)
        print("%-18s %4d inputs, %4d agree, %d disagree" % (kind, n, n - bad, bad))
    for kind, name, want, got, err in failures[:40]:
        print("DISAGREE %s %s: want exit %s, caxtool %s: %s" % (kind, name, want, got, " | ".join(err)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
