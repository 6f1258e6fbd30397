#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Differential test: `caxtool tsdb analyze` against `promtool tsdb analyze` (Prometheus 2.42).

Builds blocks with `promtool tsdb create-blocks-from openmetrics` in a temporary directory from
two inputs: the shared benchmark generator (gen_exposition.py, small sizes) and a churn generator
below whose series start and stop at random times over five hours (three blocks, so churn is not
all zeros). Every block is analysed by both tools and every section compared.

Ties: promtool sorts with sort.Slice and prints tied entries in Go map order, so entries are
compared as sets per count. With a --limit that cuts a run of ties, which tied keys are printed
is arbitrary in promtool; there only the sequence of counts and the keys above the cut are
compared, and a run with a limit large enough for everything compares every key.

--match: promtool 2.42 has no --match (it came in 2.48). The oracle is promtool on a second
data directory built from only the series the selector picks. Every selector here picks the
"anchor" series of its families, which have a sample at every step, so the filtered blocks keep
the time range of the full ones and churn figures stay comparable. The "Series:" line (meta.json
numSeries, the whole block) is compared against caxtool's "Matched series:" there instead.

promtool 2.42 has no display bug in these sections (the all-zero "Highest cardinality metric
names" was 2.48-3.0), so nothing is excused.

usage: analyze_vs_promtool.py CAXTOOL [--seed N]     exit 0 equal, 1 differences, 77 no promtool
"""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "gen", "gen_exposition.py")
BIG_LIMIT = 1000000


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if p.returncode != 0:
        raise RuntimeError("%s: exit %d: %s" % (" ".join(cmd), p.returncode, p.stderr[-2000:]))
    return p.stdout


def parse(text):
    """Header lines (name -> value) and sections (title -> [(count, key)])."""
    header, sections, cur = {}, {}, None
    for line in text.split("\n"):
        if not line:
            cur = None
            continue
        if line.endswith(":") and cur is None and not line[0].isdigit():
            cur = line[:-1]
            sections[cur] = []
            continue
        if cur is not None:
            count, _, key = line.partition(" ")
            if not count.isdigit() and sections[cur]:
                # A label value holding a newline, printed raw by both tools.
                c, k = sections[cur][-1]
                sections[cur][-1] = (c, k + "\n" + line)
                continue
            sections[cur].append((int(count), key))
        else:
            name, _, value = line.partition(": ")
            header[name] = value
    return header, sections


def compare_section(title, mine, theirs, limit, errors, where):
    counts_m = [c for c, _ in mine]
    counts_t = [c for c, _ in theirs]
    if counts_m != counts_t:
        errors.append("%s: %s: counts differ:\n  caxtool  %s\n  promtool %s" %
                      (where, title, counts_m[:40], counts_t[:40]))
        return
    if not mine:
        return
    cut = counts_m[-1] if len(mine) >= limit else None
    by_m, by_t = {}, {}
    for c, k in mine:
        by_m.setdefault(c, set()).add(k)
    for c, k in theirs:
        by_t.setdefault(c, set()).add(k)
    for c in by_m:
        if c == cut:
            continue  # a cut run of ties: which keys promtool shows is map order
        if by_m[c] != by_t.get(c):
            errors.append("%s: %s: keys with count %d differ: only caxtool %s, only promtool %s" %
                          (where, title, c, sorted(by_m[c] - by_t.get(c, set()))[:5],
                           sorted(by_t.get(c, set()) - by_m[c])[:5]))


def compare(mine_text, theirs_text, limit, where, errors, matched=False):
    hm, sm = parse(mine_text)
    ht, st = parse(theirs_text)
    for name in ("Block ID", "Duration", "Series", "Label names", "Postings (unique label pairs)",
                 "Postings entries (total label pairs)"):
        if matched and name == "Block ID":
            continue
        want = ht.get(name)
        got = hm.get("Matched series" if matched and name == "Series" else name)
        if got != want:
            errors.append("%s: header %r: caxtool %r, promtool %r" % (where, name, got, want))
    if list(sm) != list(st):
        errors.append("%s: section titles differ: %s vs %s" % (where, list(sm), list(st)))
        return
    for title in st:
        compare_section(title, sm[title], st[title], limit, errors, where)


# --- the churn generator -------------------------------------------------------------------

T0 = 1700000000  # seconds
STEP = 60
STEPS = 5 * 60  # five hours: blocks of 2h, 2h and 1h


def churn_series(rng):
    """[(metric, labels dict, first_step, last_step)] with anchors covering every step."""
    out = []
    for f in range(6):
        metric = "churn_metric_%d" % f
        out.append((metric, {"job": "anchor", "region": "us", "pod": "anchor-%d" % f}, 0,
                    STEPS - 1))
        for i in range(rng.randint(20, 60)):
            a = rng.randrange(STEPS)
            b = min(STEPS - 1, a + rng.randrange(1, STEPS))
            labels = {"job": rng.choice(["api", "db", "web"]),
                      "region": rng.choice(["us", "eu", "ap"]),
                      "pod": "pod-%d-%d" % (f, i)}
            if rng.random() < 0.3:
                labels["path"] = "/v1/item/%d" % rng.randrange(1000)
            if rng.random() < 0.2:
                labels["empty_sometimes"] = rng.choice(["x", "y"])
            out.append((metric, labels, a, b))
    return out


def write_openmetrics(series, path):
    by_metric = {}
    for s in series:
        by_metric.setdefault(s[0], []).append(s)
    with open(path, "w") as f:
        for metric in sorted(by_metric):
            f.write("# TYPE %s gauge\n" % metric)
            for _, labels, a, b in by_metric[metric]:
                lbl = ",".join('%s="%s"' % (k, v) for k, v in sorted(labels.items()))
                for step in range(a, b + 1):
                    f.write("%s{%s} %d %d\n" % (metric, lbl, step, T0 + step * STEP))
        f.write("# EOF\n")


def selects(matchers, metric, labels):
    full = dict(labels, __name__=metric)
    for name, op, value in matchers:
        v = full.get(name, "")
        if op == "=" and v != value or op == "!=" and v == value:
            return False
        if op == "=~" and not re.fullmatch(value, v) or op == "!~" and re.fullmatch(value, v):
            return False
    return True


# Each selector picks at least the anchor of every family it touches.
SELECTORS = [
    ('churn_metric_1', [("__name__", "=", "churn_metric_1")]),
    ('{__name__=~"churn_metric_[23]",region="us"}',
     [("__name__", "=~", "churn_metric_[23]"), ("region", "=", "us")]),
    ('{job!="db",region!~"e.*",pod=~".+"}',
     [("job", "!=", "db"), ("region", "!~", "e.*"), ("pod", "=~", ".+")]),
    ('{__name__=~".+",empty_sometimes=""}',
     [("__name__", "=~", ".+"), ("empty_sometimes", "=", "")]),
]


def blocks_of(data):
    """Block ULIDs of `data`, ordered by minTime (the order windows were written in)."""
    import json
    metas = []
    for d in os.listdir(data):
        meta = os.path.join(data, d, "meta.json")
        if os.path.exists(meta):
            with open(meta) as f:
                metas.append((json.load(f)["minTime"], d))
    return [d for _, d in sorted(metas)]


def build(om, data):
    run(["promtool", "tsdb", "create-blocks-from", "openmetrics", om, data])
    return blocks_of(data)


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    cax = sys.argv[1]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    if shutil.which("promtool") is None:
        print("SKIP: promtool not installed", file=sys.stderr)
        return 77
    errors = []
    cases = 0
    tmp = tempfile.mkdtemp(prefix="tsdb-analyze-")
    try:
        datasets = []
        if os.path.exists(GEN):
            om = os.path.join(tmp, "bench.om")
            run([sys.executable, GEN, "50", "20", om, "--openmetrics", "--samples", "2",
                 "--highcard", "500", "--seed", str(seed)])
            datasets.append(("bench", os.path.join(tmp, "bench")))
            build(om, datasets[-1][1])
        rng = random.Random(seed)
        series = churn_series(rng)
        om = os.path.join(tmp, "churn.om")
        write_openmetrics(series, om)
        datasets.append(("churn", os.path.join(tmp, "churn")))
        build(om, datasets[-1][1])

        for name, data in datasets:
            blocks = blocks_of(data)
            # The default block: promtool 2.42 takes the highest minTime, caxtool the highest
            # ULID; backfilling writes windows in time order, so they agree.
            compare(run([cax, "tsdb", "analyze", data]), run(["promtool", "tsdb", "analyze", data]),
                    20, "%s default block" % name, errors)
            cases += 1
            for b in blocks:
                for limit in (BIG_LIMIT, 20, 3):
                    mine = run([cax, "tsdb", "analyze", data, b, "--limit", str(limit)])
                    theirs = run(["promtool", "tsdb", "analyze", "--limit=%d" % limit, data, b])
                    compare(mine, theirs, limit, "%s block %s limit %d" % (name, b, limit), errors)
                    cases += 1

        churn_data = os.path.join(tmp, "churn")
        churn_blocks = blocks_of(churn_data)
        for i, (text, matchers) in enumerate(SELECTORS):
            picked = [s for s in series if selects(matchers, s[0], s[1])]
            om = os.path.join(tmp, "match%d.om" % i)
            write_openmetrics(picked, om)
            filtered = os.path.join(tmp, "match%d" % i)
            fblocks = build(om, filtered)
            if len(fblocks) != len(churn_blocks):
                errors.append("selector %s: %d filtered blocks for %d" %
                              (text, len(fblocks), len(churn_blocks)))
                continue
            for b, fb in zip(churn_blocks, fblocks):
                for limit in (BIG_LIMIT, 5):
                    mine = run([cax, "tsdb", "analyze", churn_data, b, "--limit", str(limit),
                                "--match", text])
                    theirs = run(["promtool", "tsdb", "analyze", "--limit=%d" % limit, filtered, fb])
                    compare(mine, theirs, limit, "match %s block %s limit %d" % (text, b, limit),
                            errors, matched=True)
                    cases += 1
    finally:
        if os.environ.get("KEEP_TMP"):
            print("kept", tmp, file=sys.stderr)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    for e in errors:
        print("DIFF", e)
    print("%d cases, %d differences (seed %d)" % (cases, len(errors), seed))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
