#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`caxtool cardinality --tsdb` on a block built in the test by promtool 2.42 from a generated
OpenMetrics file with planted high-cardinality families: the totals equal the block's meta.json,
the metric counts equal promtool tsdb analyze's, and the planted label is found and fixed.

  cardinality_tsdb_test.py CAXTOOL     (exit 77 without promtool)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
GEN = os.path.join(HERE, "..", "gen", "gen_exposition.py")


def main():
    caxtool = sys.argv[1]
    promtool = shutil.which("promtool")
    if promtool is None:
        print("skip: promtool missing")
        return 77
    tmp = tempfile.mkdtemp(prefix="caxtool-card-tsdb-")
    failures = []

    def check(name, cond, detail=""):
        if not cond:
            failures.append(name)
            print("FAIL %s\n%s" % (name, detail))

    try:
        om = os.path.join(tmp, "in.om")
        subprocess.run([sys.executable, GEN, "30", "10", om, "--openmetrics", "--samples", "2", "--highcard", "400",
                        "--seed", "3"], check=True, capture_output=True)
        data = os.path.join(tmp, "data")
        subprocess.run([promtool, "tsdb", "create-blocks-from", "openmetrics", om, data], check=True,
                       capture_output=True)
        blocks = sorted(d for d in os.listdir(data) if d.startswith("01"))
        with open(os.path.join(data, blocks[-1], "meta.json")) as f:
            num_series = json.load(f)["stats"]["numSeries"]
        p = subprocess.run([caxtool, "--format", "json", "cardinality", "--tsdb", data, "--top", "10",
                            "--max-series-per-metric", "100", "--forbid-label", "conversation_id"],
                           capture_output=True, text=True, timeout=120)
        check("exit 1 (budgets exceeded)", p.returncode == 1, p.stderr)
        rep = json.loads(p.stdout)
        check("total equals meta.json", rep["totalSeries"] == num_series, (rep["totalSeries"], num_series))
        analyze = subprocess.run([promtool, "tsdb", "analyze", "--limit=10", data], capture_output=True, text=True).stdout
        section = analyze.split("Highest cardinality metric names:")[1]
        theirs = {}
        for line in section.strip().splitlines():
            m = re.match(r"^(\d+) (\S+)$", line.strip())
            if m:
                theirs[m.group(2)] = int(m.group(1))
        mine = {m["name"]: m["series"] for m in rep["metrics"]}
        common = set(mine) & set(theirs)
        check("metric counts equal promtool's", common and all(mine[n] == theirs[n] for n in common), (mine, theirs))
        chat = [m for m in rep["metrics"] if m["name"] == "chat_messages_total"]
        check("planted metric driven by conversation_id",
              chat and chat[0]["series"] == 400 and chat[0]["topLabel"]["name"] == "conversation_id", rep["metrics"])
        forb = [o for o in rep["offenders"] if o["kind"] == "forbidden"]
        check("forbidden label with a measured labeldrop",
              forb and forb[0]["value"] == 400 and 0 < forb[0]["fix"]["removesSeries"] < 400, rep["offenders"])
        p = subprocess.run([caxtool, "cardinality", "--tsdb", os.path.join(tmp, "nope")], capture_output=True, text=True)
        check("missing directory: exit 3", p.returncode == 3 and "nope" in p.stderr, p.stderr)
        with open(os.path.join(data, blocks[-1], "index"), "r+b") as f:
            f.seek(200)
            f.write(b"\xff\xff\xff\xff")
        p = subprocess.run([caxtool, "cardinality", "--tsdb", data], capture_output=True, text=True)
        check("corrupt index: exit 3 naming the block", p.returncode == 3 and blocks[-1] in p.stderr, p.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failures" % len(failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
