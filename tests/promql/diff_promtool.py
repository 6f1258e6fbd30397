#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Differential check of the PromQL front end against promtool 2.42.

Feeds the same expressions to caxtool's parser (through the test driver, or later through
`caxtool promql`) and to `promtool check rules` (each expression as the `expr` of a recording
rule), and compares the verdicts (valid/invalid) and the error messages.

Expressions come from the shared corpus (Prometheus's parser tests, its engine tests, the rule
files) and from a random generator of valid and broken PromQL. Run by hand:

    g++ -std=c++20 -O2 -Ilib tests/promql/promql_driver.cpp build/libcaxlib.a -lre2 \\
        -o /tmp/promql_driver
    tests/promql/diff_promtool.py --driver /tmp/promql_driver --random 5000 --seed 1

--record FILE writes promtool's verdicts and messages, which the unit tests replay without
promtool (tests/promql/promtool-2.42-random.tsv was made with --random 2500 --seed 42
--no-corpus).

Exit status 1 when any verdict differs. Message differences are reported, not fatal.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "corpus"))


# ---- Expression sources ----

def corpus_expressions():
    out = []
    for name in ("parse-v2.42.0.tsv", "parse-head.tsv"):
        path = os.path.join(SHARED, "promql-parse", name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8", errors="surrogateescape") as f:
            next(f)
            for line in f:
                out.append(json.loads(line.rstrip("\n").split("\t", 1)[1]))
    for sub in ("v2.42.0", "head"):
        d = os.path.join(SHARED, "promql-tests", sub)
        if not os.path.isdir(d):
            continue
        for fn in sorted(os.listdir(d)):
            with open(os.path.join(d, fn), encoding="utf-8") as f:
                for line in f:
                    m = re.match(r"^eval\w*\s+(?:instant\s+at\s+\S+|range\s+from\s+\S+\s+to\s+\S+\s+step\s+\S+)\s+(.*)$", line)
                    if m:
                        out.append(m.group(1))
    try:
        import yaml
    except ImportError:
        return out
    d = os.path.join(SHARED, "rules")
    if os.path.isdir(d):
        for fn in sorted(os.listdir(d)):
            try:
                with open(os.path.join(d, fn), encoding="utf-8") as f:
                    for doc in yaml.safe_load_all(f):
                        for g in (doc or {}).get("groups", []) or []:
                            for r in g.get("rules", []) or []:
                                if isinstance(r, dict) and isinstance(r.get("expr"), str):
                                    out.append(r["expr"])
            except Exception:
                pass
    return out


class Generator:
    """Random PromQL in the 2.42 dialect, valid or nearly so, plus mutations."""

    METRICS = ["foo", "http_requests_total", "node:cpu:rate5m", "up", "a_b", "sum", "by",
               "offset", "on", "bool", "start", "end", "without", "group", "and", "Inf", "nan",
               "ignoring", "atan2", "limitk", "x1"]
    LABELS = ["job", "instance", "le", "a", "__name__", "code", "on", "by", "sum", "x_1"]
    VALUES = ['"api"', "'x'", '`raw`', '""', '"a\\nb"', '"\\u00e9"', '"\\x41"', '"\\q"',
              '"é"', '".*"', '".+"', '"a|b"', '"(a"', '"a)(b"', '"[a-z]+"', '"\\\\d+"',
              '"x{2,1}"', '"(?i)abc"', '"\\\\C"', '"a**"', '"\\101"', '"\\400"', '"\\ud800"']
    FUNCS = {"rate": "m", "irate": "m", "increase": "m", "delta": "m", "abs": "v", "ceil": "v",
             "absent": "v", "sort": "v", "scalar": "v", "vector": "s", "time": "", "pi": "",
             "clamp": "vss", "clamp_max": "vs", "round": "vs", "histogram_quantile": "sv",
             "label_replace": "vSSSS", "label_join": "vSSSS", "predict_linear": "ms",
             "quantile_over_time": "sm", "holt_winters": "mss", "hour": "v", "day_of_week": "",
             "avg_over_time": "m", "timestamp": "v", "sort_by_label": "vS", "last_over_time": "m",
             "histogram_fraction": "ssv", "mad_over_time": "m", "info": "vv", "Rate": "m",
             "double_exponential_smoothing": "mss", "histogram_avg": "v", "nonexistent": "v"}
    AGGS = ["sum", "avg", "min", "max", "count", "group", "stddev", "stdvar", "topk", "bottomk",
            "quantile", "count_values", "SUM", "limitk"]
    BINOPS = ["+", "-", "*", "/", "%", "^", "==", "!=", ">", "<", ">=", "<=", "and", "or",
              "unless", "atan2"]
    DURS = ["5m", "1h", "30s", "1h30m", "1d", "1w", "1y", "500ms", "0s", "5m1h", "1s500ms",
            "5", "1.5m", "2w3d", "1m1m", "100ms", "10000000y"]
    NUMS = ["1", "0", "1.5", ".5", "5.", "1e3", "1E-3", "0x1F", "0755", "08", "Inf", "-Inf",
            "NaN", "1_000", "1e400", "1e-400", "0x8000000000000000", "9223372036854775808",
            "0x", "1e", "2.5.", "0xee"]

    def __init__(self, rng):
        self.r = rng

    def pick(self, xs):
        return self.r.choice(xs)

    def ws(self):
        return self.pick(["", " ", " ", "  ", "\n", "\t", " # c\n"]) if self.r.random() < 0.3 else " "

    def selector(self):
        r = self.r
        name = self.pick(self.METRICS) if r.random() < 0.85 else ""
        s = name
        if not name or r.random() < 0.5:
            ms = []
            for _ in range(r.randint(0, 3)):
                op = self.pick(["=", "!=", "=~", "!~"])
                ms.append(self.pick(self.LABELS) + op + self.pick(self.VALUES))
            if r.random() < 0.05:
                ms.append('"quoted.name"')
            s += "{" + ",".join(ms) + ("," if ms and r.random() < 0.1 else "") + "}"
        return s

    def modifiers(self, s, allow_range=True):
        r = self.r
        if allow_range and r.random() < 0.3:
            if r.random() < 0.7:
                s += "[" + self.pick(self.DURS) + "]"
            else:
                s += "[" + self.pick(self.DURS) + ":" + (self.pick(self.DURS) if r.random() < 0.6 else "") + "]"
        if r.random() < 0.15:
            s += " offset " + ("-" if r.random() < 0.2 else "") + self.pick(self.DURS)
        if r.random() < 0.1:
            s += " @ " + self.pick(["100", "-5", "1.5", "start()", "end()", "Inf", "1e30", "5m"])
        return s

    def arg(self, kind, depth):
        if kind == "m":
            if self.r.random() < 0.8:
                return self.selector() + "[" + self.pick(self.DURS) + "]"
            return self.expr(depth + 1) + "[" + self.pick(self.DURS) + ":]"
        if kind == "s":
            return self.pick(self.NUMS) if self.r.random() < 0.7 else self.expr(depth + 1)
        if kind == "S":
            return self.pick(self.VALUES)
        return self.expr(depth + 1)

    def expr(self, depth=0):
        r = self.r
        if depth > 4:
            return self.pick([self.selector(), self.pick(self.NUMS)])
        k = r.random()
        if k < 0.25:
            return self.modifiers(self.selector())
        if k < 0.35:
            return self.pick(self.NUMS)
        if k < 0.5:
            name = self.pick(list(self.FUNCS))
            kinds = self.FUNCS[name]
            n = len(kinds)
            if r.random() < 0.1:
                n = max(0, n + r.choice([-1, 1]))
            args = [self.arg(kinds[i] if i < len(kinds) else "v", depth) for i in range(n)]
            return name + "(" + ", ".join(args) + ("," if r.random() < 0.03 else "") + ")"
        if k < 0.65:
            op = self.pick(self.AGGS)
            body = self.expr(depth + 1)
            if op.lower() in ("topk", "bottomk", "quantile", "limitk"):
                body = self.pick(self.NUMS) + ", " + body
            elif op == "count_values":
                body = self.pick(self.VALUES) + ", " + body
            mod = ""
            if r.random() < 0.5:
                labels = ", ".join(self.pick(self.LABELS + ["a:b", '"a.b"', "without"]) for _ in range(r.randint(0, 2)))
                mod = " " + self.pick(["by", "without", "BY"]) + " (" + labels + ")"
            if r.random() < 0.5:
                return op + mod + " (" + body + ")"
            return op + "(" + body + ")" + mod
        if k < 0.85:
            op = self.pick(self.BINOPS)
            mod = ""
            if r.random() < 0.2:
                mod += " bool"
            if r.random() < 0.25:
                mod += " " + self.pick(["on", "ignoring"]) + "(" + ",".join(self.pick(self.LABELS) for _ in range(r.randint(0, 2))) + ")"
                if r.random() < 0.4:
                    mod += " " + self.pick(["group_left", "group_right"])
                    if r.random() < 0.5:
                        mod += "(" + self.pick(self.LABELS) + ")"
            return self.expr(depth + 1) + self.ws() + op + mod + self.ws() + self.expr(depth + 1)
        if k < 0.92:
            return "(" + self.expr(depth + 1) + ")" + (self.modifiers("", True) if r.random() < 0.2 else "")
        if k < 0.96:
            return self.pick(["-", "+"]) + self.expr(depth + 1)
        return self.pick(self.VALUES)

    TOKENS = ["(", ")", "{", "}", "[", "]", ",", "=", "==", "!", "~", ":", "@", "offset", "by",
              "bool", "on", "5m", "1", '"', "'", "`", "#", "\\", ".", "-", "^", "and", "sum",
              "x", " ", "\n", "é", "0x", "1e"]

    def mutate(self, s):
        r = self.r
        for _ in range(r.randint(1, 2)):
            if not s:
                return self.pick(self.TOKENS)
            i = r.randrange(len(s) + 1)
            k = r.random()
            if k < 0.4:
                s = s[:i] + self.pick(self.TOKENS) + s[i:]
            elif k < 0.8:
                j = min(len(s), i + r.randint(1, 3))
                s = s[:i] + s[j:]
            else:
                j = r.randrange(len(s) + 1)
                i, j = min(i, j), max(i, j)
                s = s[:i] + s[j:] + s[i:j]
        return s

    def one(self):
        e = self.expr()
        if self.r.random() < 0.3:
            e = self.mutate(e)
        return e


# ---- Running both sides ----

def run_driver(driver, exprs, version):
    data = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in exprs)
    out = subprocess.run([driver, "--version", version], input=data.encode("utf-8", "surrogateescape"),
                         stdout=subprocess.PIPE, check=True).stdout.decode("utf-8", "replace")
    verdicts = []
    for line in out.splitlines():
        code, _, rest = line.partition("\t")
        verdicts.append((code == "0", rest))
    assert len(verdicts) == len(exprs), (len(verdicts), len(exprs))
    return verdicts


def yaml_quote(s):
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or 0x7F <= o <= 0x9F or 0xD800 <= o <= 0xDFFF or o in (0xFEFF, 0xFFFE, 0xFFFF):
            out.append("\\u%04x" % o if o <= 0xFFFF else "\\U%08x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def run_promtool(exprs, batch=400):
    """promtool's verdict and message (after "could not parse expression: ") per expression."""
    results = [None] * len(exprs)
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(exprs), batch):
            chunk = list(range(start, min(len(exprs), start + batch)))
            path = os.path.join(tmp, "r.yml")
            with open(path, "w", encoding="utf-8") as f:
                f.write("groups:\n- name: g\n  rules:\n")
                for i in chunk:
                    f.write("  - record: r\n    expr: " + yaml_quote(exprs[i]) + "\n")
            p = subprocess.run(["promtool", "check", "rules", "--lint=none", path],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            err = p.stderr.decode("utf-8", "replace")
            failed = {}
            for m in re.finditer(r'rule (\d+), "r": (.*?)(?=\n[^\n]*: \d+:\d+: group "g", rule \d+|\Z)', err, re.S):
                failed[int(m.group(1))] = m.group(2).strip()
            if p.returncode != 0 and not failed:
                if len(chunk) == 1:  # the file itself was refused (e.g. the YAML)
                    results[chunk[0]] = (None, err.strip())
                    continue
                sub = run_promtool([exprs[i] for i in chunk], batch=max(1, len(chunk) // 8))
                for k, i in enumerate(chunk):
                    results[i] = sub[k]
                continue
            for k, i in enumerate(chunk):
                msg = failed.get(k + 1)
                if msg is None:
                    results[i] = (True, "")
                else:
                    results[i] = (False, msg.replace("could not parse expression: ", "", 1).replace("\n", " "))
    return results


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--driver", required=True, help="the promql_driver binary")
    ap.add_argument("--random", type=int, default=3000, help="random expressions to generate")
    ap.add_argument("--seed", type=int, default=None, help="generator seed (printed when random)")
    ap.add_argument("--no-corpus", action="store_true", help="random expressions only")
    ap.add_argument("--version", default="2.42")
    ap.add_argument("--show", type=int, default=20, help="disagreements to print")
    ap.add_argument("--record", help="write promtool's verdicts to this TSV (expr, 0/1, message)")
    args = ap.parse_args()

    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    print("seed", seed)
    exprs = [] if args.no_corpus else corpus_expressions()
    from_corpus = set(exprs)
    gen = Generator(random.Random(seed))
    exprs += [gen.one() for _ in range(args.random)]
    # promtool refuses rule files that are not valid UTF-8, and an empty expr is a rule error.
    exprs = [e for e in dict.fromkeys(exprs) if e.strip() and "\x00" not in e and
             e.encode("utf-8", "surrogateescape").decode("utf-8", "replace") == e]

    n_corpus = sum(e in from_corpus for e in exprs)
    ours = run_driver(args.driver, exprs, args.version)
    theirs = run_promtool(exprs)

    if args.record:
        with open(args.record, "w", encoding="utf-8") as f:
            f.write("expr_json\tpromtool_2.42_exit\tpromtool_message\n")
            for e, (pok, pmsg) in zip(exprs, theirs):
                if pok is not None:
                    f.write(json.dumps(e, ensure_ascii=False) + "\t" + ("0" if pok else "1") + "\t" + pmsg + "\n")

    verdict_diff, message_diff, n_valid, n_compared = [], [], 0, 0
    for e, (ok, text), (pok, pmsg) in zip(exprs, ours, theirs):
        if pok is None:
            continue
        n_compared += 1
        n_valid += pok
        if ok != pok:
            verdict_diff.append((e, ok, text, pmsg))
        elif not ok and text != pmsg:
            message_diff.append((e, text, pmsg))
    n_invalid = n_compared - n_valid
    print(f"expressions: {n_compared} ({n_corpus} from the corpus, the rest random); "
          f"promtool: {n_valid} valid, {n_invalid} invalid")
    print(f"verdict agreement: {n_compared - len(verdict_diff)}/{n_compared}")
    print(f"message agreement on invalid ones: {n_invalid - len(message_diff)}/{n_invalid}")
    for e, ok, text, pmsg in verdict_diff[: args.show]:
        print("VERDICT", json.dumps(e), "| ours:", "valid" if ok else text, "| promtool:", "valid" if not pmsg else pmsg)
    for e, text, pmsg in message_diff[: args.show]:
        print("MESSAGE", json.dumps(e), "| ours:", text, "| promtool:", pmsg)
    return 1 if verdict_diff else 0


if __name__ == "__main__":
    sys.exit(main())
