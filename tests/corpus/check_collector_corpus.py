#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""check collector on every corpus collector config: no crash, and the findings reviewed into
expected-collector.tsv (file, exit code, findings as LINE:COL:SEVERITY:CHECK, review note).
Files whose names say invalid (otelcol's own testdata) must be rejected, as otelcol rejects them.

usage: check_collector_corpus.py CAXTOOL [--update]   (--update rewrites exit codes and findings,
keeping the notes; read the diff before committing it)
"""
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "collector")
EXPECTED = os.path.join(HERE, "expected-collector.tsv")


def run(caxtool, path):
    proc = subprocess.run([caxtool, "--format", "json", "check", "collector", "--lint", "all", path],
                          capture_output=True, text=True, timeout=30)
    if proc.returncode not in (0, 1):
        return proc.returncode, None, proc.stderr
    doc = json.loads(proc.stdout)
    findings = " ".join(
        f"{d['line']}:{d['column']}:{d['severity'][0]}:{d['check']}" for d in doc["diagnostics"])
    return proc.returncode, findings, doc


def main():
    caxtool = sys.argv[1]
    update = "--update" in sys.argv[2:]
    expected = {}
    if os.path.exists(EXPECTED):
        with open(EXPECTED) as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                name, code, findings, note = line.rstrip("\n").split("\t")
                expected[name] = (code, findings, note)
    files = sorted(f for f in os.listdir(CORPUS) if f.endswith((".yaml", ".yml")))
    failures = []
    rows = []
    start = time.monotonic()
    for name in files:
        code, findings, doc = run(caxtool, os.path.join(CORPUS, name))
        if findings is None:
            failures.append(f"{name}: exit {code} (crash or cannot run): {doc.strip()}")
            continue
        if "invalid" in name and (code != 1 or not any(
                d["severity"] == "error" for d in doc["diagnostics"])):
            failures.append(f"{name}: otelcol rejects it, caxtool did not")
        want = expected.get(name)
        note = want[2] if want else "NOT REVIEWED"
        rows.append(f"{name}\t{code}\t{findings or '-'}\t{note}")
        if not update and (want is None or want[0] != str(code) or want[1] != (findings or "-")):
            failures.append(f"{name}: got exit {code} [{findings}], expected "
                            f"{'nothing (not in ' + os.path.basename(EXPECTED) + ')' if want is None else 'exit ' + want[0] + ' [' + want[1] + ']'}")
    elapsed = time.monotonic() - start
    for name in expected:
        if name not in files:
            failures.append(f"{name}: in {os.path.basename(EXPECTED)} but not in the corpus")
    if update:
        with open(EXPECTED, "w") as f:
            f.write("# file\texit\tfindings (LINE:COL:SEVERITY:CHECK)\treview note\n")
            f.write("\n".join(rows) + "\n")
    print(f"{len(files)} collector configs checked in {elapsed:.2f} s "
          f"({elapsed / max(len(files), 1) * 1000:.1f} ms each, process start included)")
    for f in failures:
        print("FAIL", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
