#!/usr/bin/env python3
"""check config against promtool 2.42: the same verdict (valid or not) on every config of the
corpus (tests/corpus/prometheus-config) and on generated good and broken configs, each with
--syntax-only and without. Debian's promtool is built without the consul, kubernetes, kuma,
linode and nomad service discoveries, which caxtool accepts as upstream does: configs that use
them are left to the golden tests. Exit 77 when promtool is missing.

usage: config_vs_promtool.py CAXTOOL [--seed S] [--count N]
Runs the fixed seed 1 and a random seed (printed, to replay with --seed).
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "..", "corpus", "prometheus-config")
MISSING_IN_DEBIAN = ("consul_sd_configs", "kubernetes_sd_configs", "kuma_sd_configs",
                     "linode_sd_configs", "nomad_sd_configs")


def verdict(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stderr.decode(errors="replace")


def compare(caxtool, path, cwd, failures):
    for syntax in (True, False):
        extra = ["--syntax-only"] if syntax else []
        pexit, perr = verdict(["promtool", "check", "config"] + extra + [path], cwd)
        cexit, cerr = verdict([caxtool, "-q", "check", "config", "--prometheus-version", "2.42",
                               "--lint", "none"] + extra + [path], cwd)
        if pexit not in (0, 1):
            continue  # promtool's lint exit (3) is not a verdict
        if (pexit == 0) != (cexit == 0) or cexit not in (0, 1):
            failures.append("%s%s: promtool exit %d, caxtool exit %d\n  promtool: %s\n  caxtool: %s" % (
                path, " (--syntax-only)" if syntax else "", pexit, cexit,
                perr.strip().splitlines()[-1] if perr.strip() else "",
                " | ".join(cerr.strip().splitlines()[:2])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("caxtool")
    ap.add_argument("--seed", type=int)
    ap.add_argument("--count", type=int, default=120)
    a = ap.parse_args()
    if shutil.which("promtool") is None:
        print("promtool not found; skipping")
        return 77
    caxtool = os.path.abspath(a.caxtool)
    failures = []
    checked = 0
    for name in sorted(os.listdir(CORPUS)):
        path = os.path.join(CORPUS, name)
        with open(path, errors="replace") as f:
            text = f.read()
        if any(k in text for k in MISSING_IN_DEBIAN):
            continue
        compare(caxtool, name, CORPUS, failures)
        checked += 1
    seeds = [a.seed] if a.seed is not None else [1, random.randrange(1, 1 << 30)]
    for seed in seeds:
        print("generated configs: seed %d" % seed)
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, os.path.join(HERE, "gen_configs.py"), tmp,
                            str(a.count), "--seed", str(seed)], check=True)
            os.makedirs(os.path.join(tmp, "targets"))
            with open(os.path.join(tmp, "targets", "a.json"), "w") as f:
                f.write('[{"targets": ["t1:9100"], "labels": {"env": "prod"}}]\n')
            for name in sorted(os.listdir(tmp)):
                if name.endswith(".yml"):
                    compare(caxtool, name, tmp, failures)
                    checked += 1
    for f in failures:
        print(f)
    print("%d configs checked, %d verdicts differ" % (checked, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
