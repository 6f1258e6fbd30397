#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Differential test: `caxtool check rules` against `promtool check rules` (Prometheus 2.42).

  python3 tests/differential/run.py CAXTOOL [--seed S] [--cases N] [--random-seed R] [--keep]

Generates N rule files (default 3000) with the fixed seed S and N more with a random seed (printed;
pass it as --seed to replay that half alone with --no-random), runs both tools on them in batches
and compares the per-file verdict (valid / invalid). Prints agreement figures and, for every
disagreement, the file, its content and both tools' messages. Exit 1 on any disagreement.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED_SEED = "caxtool-differential-1"
TIMEOUT = 60  # seconds per tool invocation; a batch that times out is split


def generate(seed, n, outdir):
    return subprocess.Popen([sys.executable, os.path.join(HERE, "gen_rules.py"), str(seed), str(n),
                             outdir])


def chunks(xs, size):
    return [xs[i:i + size] for i in range(0, len(xs), size)]


# --- promtool --------------------------------------------------------------------------------

def run_promtool(promtool, files):
    """{file: (valid, message)} for one batch; stdout and stderr share one pipe, so the order of
    'Checking F' and its 'FAILED:' lines is kept."""
    try:
        p = subprocess.run([promtool, "check", "rules", "--lint=none"] + files,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        if len(files) == 1:
            return {files[0]: (None, "promtool timed out")}
        return split(run_promtool, promtool, files)
    out = p.stdout.decode("utf-8", "replace")
    res = {}
    pos = 0
    starts = []
    for f in files:
        marker = "Checking " + f + "\n"
        i = out.find(marker, pos)
        if i < 0:
            break
        starts.append((f, i, i + len(marker)))
        pos = i + len(marker)
    if len(starts) != len(files):
        if len(files) == 1:
            msg = "promtool output not understood (rc %d): %s" % (p.returncode, out[-2000:])
            return {files[0]: (None, msg)}
        return split(run_promtool, promtool, files)
    for k, (f, _, body_start) in enumerate(starts):
        end = starts[k + 1][1] if k + 1 < len(starts) else len(out)
        body = out[body_start:end].rstrip("\n")
        if body.startswith("  SUCCESS:"):
            res[f] = (True, body.strip())
        elif body.startswith("  FAILED:"):
            res[f] = (False, body[len("  FAILED:"):].strip("\n"))
        else:
            res[f] = (None, "promtool output not understood: " + body[:2000])
    invalid = any(v is False for v, _ in res.values())
    if (p.returncode == 1) != invalid and p.returncode in (0, 1):
        for f in files:
            v, m = res[f]
            res[f] = (v, m + "\n[promtool exit code %d does not match its per-file output]" % p.returncode)
    return res


def split(fn, tool, files):
    half = len(files) // 2
    res = fn(tool, files[:half])
    res.update(fn(tool, files[half:]))
    return res


# --- caxtool ---------------------------------------------------------------------------------

def run_caxtool(caxtool, files):
    cmd = [caxtool, "check", "rules", "--lint", "none", "--prometheus-version", "2.42",
           "--format", "json"] + files
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        if len(files) == 1:
            return {files[0]: (None, "caxtool timed out")}
        return split(run_caxtool, caxtool, files)
    doc = None
    if p.returncode in (0, 1):
        try:
            doc = json.loads(p.stdout.decode("utf-8", "replace"))
        except ValueError:
            doc = None
    if doc is None:
        if len(files) == 1:
            err = p.stderr.decode("utf-8", "replace")[-2000:]
            return {files[0]: (None, "caxtool failed (exit %d): %s" % (p.returncode, err))}
        return split(run_caxtool, caxtool, files)
    errors = collections.defaultdict(list)
    known = set(files)
    stray = []
    for d in doc.get("diagnostics", []):
        if d.get("severity") != "error":
            continue
        msg = "%s:%s: %s [%s]" % (d.get("line"), d.get("column"), d.get("message"), d.get("check"))
        if d.get("file") in known:
            errors[d["file"]].append(msg)
        else:
            stray.append(msg)
    res = {}
    for f in files:
        if errors[f]:
            res[f] = (False, "\n".join(errors[f]))
        else:
            res[f] = (True, "valid")
    if stray:
        if len(files) == 1:
            return {files[0]: (False, "\n".join(stray))}
        return split(run_caxtool, caxtool, files)
    invalid = any(v is False for v, _ in res.values())
    if (p.returncode == 1) != invalid:
        for f in files:
            v, m = res[f]
            res[f] = (None if len(files) == 1 else v,
                      m + "\n[caxtool exit code %d does not match its diagnostics]" % p.returncode)
    return res


# --- report ----------------------------------------------------------------------------------

def trim(text, max_lines=40, width=220):
    lines = text.split("\n")
    out = [l if len(l) <= width else l[:width] + "..." for l in lines[:max_lines]]
    if len(lines) > max_lines:
        out.append("... (%d more lines)" % (len(lines) - max_lines))
    return "\n".join(out)


def indent(text, pre="    "):
    return "\n".join(pre + l for l in text.split("\n"))


def read_manifest(d):
    tags = {}
    with open(os.path.join(d, "manifest.tsv"), encoding="utf-8") as f:
        for line in f:
            name, _, t = line.rstrip("\n").partition("\t")
            tags[os.path.join(d, name)] = t
    return tags


def replay_findings(promtool, caxtool):
    d = os.path.join(HERE, "findings")
    files = sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".yml"))
    prom, cax = run_promtool(promtool, files), run_caxtool(caxtool, files)
    still = 0
    for f in files:
        differs = prom[f][0] != cax[f][0]
        still += differs
        print("%-12s %s (promtool %s, caxtool %s)" % (
            "differs" if differs else "now agrees", os.path.basename(f),
            "valid" if prom[f][0] else "INVALID", "valid" if cax[f][0] else "INVALID"))
    print("%d of %d findings still differ" % (still, len(files)))
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("caxtool")
    ap.add_argument("--seed", default=FIXED_SEED, help="the fixed seed (default %(default)s)")
    ap.add_argument("--random-seed", help="the second seed (default: a random one, printed)")
    ap.add_argument("--no-random", action="store_true", help="only the --seed half")
    ap.add_argument("--cases", type=int, default=3000, help="files per seed (default 3000)")
    ap.add_argument("--promtool", default=shutil.which("promtool") or "promtool")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--batch", type=int, default=300, help="files per tool invocation")
    ap.add_argument("--keep", action="store_true", help="keep the generated files")
    ap.add_argument("--max-report", type=int, default=50, help="disagreements shown in full")
    ap.add_argument("--stats", action="store_true", help="print verdicts per generator tag")
    ap.add_argument("--findings", action="store_true",
                    help="only replay findings/*.yml: which ones the two tools still disagree on")
    args = ap.parse_args()

    t0 = time.time()
    caxtool = os.path.abspath(args.caxtool)
    if not shutil.which(args.promtool):
        print("promtool not found (Debian package prometheus); skipping")
        return 77
    version = subprocess.run([args.promtool, "--version"], stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT).stdout.decode("utf-8", "replace")
    if "version 2.42." not in version:
        print("warning: the reference is promtool 2.42, found: " + version.split("\n")[0])
    if not os.access(caxtool, os.X_OK):
        print("caxtool not found at " + caxtool)
        return 2
    seeds = [("fixed", args.seed)]
    if not args.no_random:
        rseed = args.random_seed or str(random.SystemRandom().randrange(1, 2**31))
        seeds.append(("random", rseed))
    if args.findings:
        return replay_findings(args.promtool, caxtool)
    tmp = tempfile.mkdtemp(prefix="caxtool-diff-")
    try:
        procs = []
        dirs = []
        for label, seed in seeds:
            d = os.path.join(tmp, label)
            dirs.append((label, seed, d))
            procs.append(generate(seed, args.cases, d))
            print("seed %s: %s" % (label, seed))
        for p in procs:
            if p.wait() != 0:
                print("generator failed")
                return 2
        t_gen = time.time() - t0
        files, tags = [], {}
        for label, seed, d in dirs:
            tags.update(read_manifest(d))
            files.extend(sorted(os.path.join(d, n) for n in os.listdir(d) if n.endswith(".yml")))

        prom, cax = {}, {}
        t1 = time.time()
        with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
            futs = [ex.submit(run_promtool, args.promtool, b) for b in chunks(files, args.batch)]
            cfuts = [ex.submit(run_caxtool, caxtool, b) for b in chunks(files, args.batch)]
            for f in futs:
                prom.update(f.result())
            t_prom = time.time() - t1
            for f in cfuts:
                cax.update(f.result())
        t_all = time.time() - t1

        agree = 0
        both_valid = both_invalid = 0
        bad = []
        per_tag = collections.defaultdict(lambda: [0, 0, 0])  # valid, invalid, disagree
        for f in files:
            pv, pm = prom.get(f, (None, "no promtool result"))
            cv, cm = cax.get(f, (None, "no caxtool result"))
            tag = tags.get(f, "")
            for t in (tag.split(",") if tag else ["?"]):
                key = t.split(":")[0] + ":" + t.split(":")[1] if ":" in t else t
                if pv is not None:
                    per_tag[key][0 if pv else 1] += 1
            if pv is not None and pv == cv:
                agree += 1
                if pv:
                    both_valid += 1
                else:
                    both_invalid += 1
            else:
                bad.append((f, pv, pm, cv, cm, tag))
                for t in (tag.split(",") if tag else ["?"]):
                    key = t.split(":")[0] + ":" + t.split(":")[1] if ":" in t else t
                    per_tag[key][2] += 1

        def verdict(v):
            return {True: "valid", False: "INVALID", None: "no verdict"}[v]

        for f, pv, pm, cv, cm, tag in bad[:args.max_report]:
            with open(f, encoding="utf-8", errors="replace", newline="") as fh:
                content = fh.read()
            print("=" * 100)
            print("DISAGREEMENT %s  [%s]" % (f, tag))
            print("  promtool: %s   caxtool: %s" % (verdict(pv), verdict(cv)))
            print("  --- file ---")
            print(indent(trim(content.replace("\r", "\\r").replace("\ufeff", "\\ufeff"))))
            print("  --- promtool ---")
            print(indent(trim(pm, 12)))
            print("  --- caxtool ---")
            print(indent(trim(cm, 12)))
        if len(bad) > args.max_report:
            print("... and %d more disagreements:" % (len(bad) - args.max_report))
            for f, pv, pm, cv, cm, tag in bad[args.max_report:]:
                print("  %s: promtool %s, caxtool %s [%s]" % (f, verdict(pv), verdict(cv), tag))

        if args.stats or bad:
            print("\nverdicts per generator tag (promtool valid / invalid / disagreements):")
            for k in sorted(per_tag):
                v, i, d = per_tag[k]
                print("  %-34s %5d %5d %5d" % (k, v, i, d))

        total = len(files)
        print("\n%d files (%s), promtool: %d valid, %d invalid" % (
            total, ", ".join("%s seed %s" % (l, s) for l, s in seeds),
            sum(1 for f in files if prom.get(f, (None,))[0] is True),
            sum(1 for f in files if prom.get(f, (None,))[0] is False)))
        print("agreement: %d/%d = %.2f%% (both valid %d, both invalid %d), disagreements: %d" % (
            agree, total, 100.0 * agree / max(1, total), both_valid, both_invalid, len(bad)))
        print("time: %.1fs (generate %.1fs, promtool %.1fs, both tools %.1fs)" % (
            time.time() - t0, t_gen, t_prom, t_all))
        if bad:
            for label, seed in seeds:
                print("replay the %s half: %s %s %s --seed %s --cases %d --no-random --keep" % (
                    label, sys.executable, os.path.relpath(os.path.abspath(__file__)), args.caxtool,
                    seed, args.cases))
        return 1 if bad else 0
    finally:
        if args.keep:
            print("files kept in %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
