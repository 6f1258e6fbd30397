#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""`caxtool test rules --prometheus-version 2.42` against `promtool test rules` (2.42).

  python3 tests/differential/test_rules_vs_promtool.py CAXTOOL [N] [SEED]

Runs both tools on (1) the rule tests `caxtool generate` writes, (2) every promtool unit-test
fixture in tests/corpus/rules/ (a copy of ../shared/corpus/rules/) (files with `rule_files:`), in
tests/differential/rule-tests/ and in $PROMTOOL_TESTDATA if set (e.g. Prometheus's
cmd/promtool/testdata of v2.42.0), and (3) N random rule tests: random series
in the expanding notation, random recording and alerting rules with templated labels and
annotations, random PromQL within what 2.42 evaluates, random eval_times. The expectations in
the random tests are deliberately wrong, so promtool prints every value it computed; any
difference in exit code, stdout or stderr fails the run. SEED defaults to a fixed value; a
random seed is also run and printed so a failure can be replayed. Exit 77 without promtool.
Python standard library only.
"""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

METRICS = ["a", "b", "c_total"]
JOBS = ["x", "y"]
INSTANCES = ["1", "2"]


def write_lines(path, lines):
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def series_values(rng, steps):
    items, n = [], 0
    while n < steps:
        k = rng.randint(0, 5)
        kind = rng.random()
        start = rng.choice([0, 1, 2, 5, 10, 100, -3, 0.5, 1e3])
        if kind < 0.35:
            items.append(f"{start}+{rng.choice([0, 1, 2, 10, 0.5])}x{k}")
            n += k + 1
        elif kind < 0.5:
            items.append(f"{start}-{rng.choice([1, 2])}x{k}")
            n += k + 1
        elif kind < 0.6:
            items.append(f"{start}x{k}")
            n += k + 1
        elif kind < 0.7:
            items.append("_" if k == 0 else f"_x{k}")
            n += max(k, 1)
        elif kind < 0.75:
            items.append("stale")
            n += 1
        else:
            items.append(str(start))
            n += 1
    return " ".join(items)


def selector(rng, metric=None):
    m = metric or rng.choice(METRICS)
    r = rng.random()
    if r < 0.5:
        return m
    if r < 0.8:
        return f'{m}{{job="{rng.choice(JOBS)}"}}'
    return f'{m}{{instance!="{rng.choice(INSTANCES)}"}}'


def rng_range(rng):
    return rng.choice(["1m", "2m", "3m", "5m", "10m"])


def vector_expr(rng, depth=0):
    r = rng.random()
    if depth > 2 or r < 0.2:
        s = selector(rng)
        if rng.random() < 0.15:
            s += f" offset {rng.choice(['1m', '2m'])}"
        return s
    if r < 0.35:
        f = rng.choice(["rate", "increase", "delta", "irate", "avg_over_time", "max_over_time",
                        "min_over_time", "sum_over_time", "count_over_time", "last_over_time",
                        "changes", "resets", "deriv", "idelta", "stddev_over_time"])
        return f"{f}({selector(rng)}[{rng_range(rng)}])"
    if r < 0.45:
        # The math functions follow Go (go_exp_log.cpp, go_trig.cpp), not glibc.
        f = rng.choice(["abs", "ceil", "floor", "sqrt", "sgn", "timestamp", "ln", "exp", "log2",
                        "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
                        "tanh", "asinh", "acosh", "atanh"])
        return f"{f}({vector_expr(rng, depth + 1)})"
    if r < 0.6:
        agg = rng.choice(["sum", "avg", "min", "max", "count", "group", "stddev"])
        by = rng.choice(["", " by (job)", " without (instance)", " by (instance)"])
        return f"{agg}{by} ({vector_expr(rng, depth + 1)})"
    if r < 0.75:
        op = rng.choice(["+", "-", "*", "/", ">", "<", ">=", "==", "!="])
        mod = " bool" if op in (">", "<", ">=", "==", "!=") and rng.random() < 0.5 else ""
        return f"{vector_expr(rng, depth + 1)} {op}{mod} {rng.choice([0, 1, 2, 0.5, 10])}"
    if r < 0.85:
        op = rng.choice(["+", "-", "*", "/", "and", "or", "unless", ">"])
        match = rng.choice(["", " on (job, instance)", " ignoring (instance)"])
        if op in ("and", "or", "unless"):
            match = rng.choice(["", " on (job)"])
        return f"{selector(rng)} {op}{match} {selector(rng)}"
    if r < 0.9:
        return f"max_over_time({selector(rng)}[{rng_range(rng)}:1m])"
    if r < 0.95:
        # Not topk/bottomk: between equal values promtool picks by its map-random load order.
        return f"clamp_max({vector_expr(rng, depth + 1)}, {rng.choice([1, 5, 50])})"
    return f"clamp_min({vector_expr(rng, depth + 1)}, {rng.choice([0, 1, 3])})"


ANNOTATIONS = [
    "{{ $labels.job }} is {{ $value }}",
    "{{ $value | humanize }}",
    "{{ printf \"%.2f\" $value }}",
    "{{ humanizePercentage $value }}",
    "{{ $labels.instance }}/{{ humanizeDuration $value }}",
    "{{ if gt $value 2.0 }}high{{ else }}low{{ end }}",
    "{{ range query \"count(a)\" }}{{ .Value }}{{ end }}",
]


def random_case(rng, idx, directory):
    steps = rng.randint(3, 20)
    series = []
    for _ in range(rng.randint(2, 6)):
        m = rng.choice(METRICS)
        labels = f'job="{rng.choice(JOBS)}", instance="{rng.choice(INSTANCES)}"'
        series.append((f"{m}{{{labels}}}", series_values(rng, steps)))
    # Unique label sets: a repeated series would only add promtool's load order to compare.
    seen, unique = set(), []
    for s in series:
        if s[0] not in seen:
            seen.add(s[0])
            unique.append(s)
    rules = ["groups:", "- name: g", "  rules:"]
    alerts = []
    for i in range(rng.randint(1, 3)):
        rules += [f"  - record: rec{i}:{rng.choice(['sum', 'rate'])}",
                  f"    expr: {quote(f'sum by (job) ({vector_expr(rng, 2)})')}"]
    for i in range(rng.randint(1, 3)):
        name = f"Alert{i}"
        alerts.append(name)
        rules += [f"  - alert: {name}", f"    expr: {quote(vector_expr(rng))}"]
        if rng.random() < 0.7:
            rules.append(f"    for: {rng.choice(['0s', '1m', '2m', '5m'])}")
        if rng.random() < 0.3:
            rules.append(f"    keep_firing_for: {rng.choice(['1m', '3m'])}")
        rules += ["    labels:", f"      severity: {rng.choice(['page', 'ticket'])}",
                  "    annotations:", f"      summary: {quote(rng.choice(ANNOTATIONS))}"]
    interval = rng.choice(["30s", "1m", "1m", "2m"])
    lines = ["rule_files: [rules.yml]", f"evaluation_interval: {rng.choice(['30s', '1m'])}",
             "tests:", f"- interval: {interval}", "  input_series:"]
    for name, values in unique:
        lines += [f"  - series: {quote(name)}", f"    values: {quote(values)}"]
    lines.append("  alert_rule_test:")
    for _ in range(rng.randint(1, 4)):
        lines += [f"  - eval_time: {eval_time(rng, steps)}",
                  f"    alertname: {rng.choice(alerts)}", "    exp_alerts: []"]
    lines.append("  promql_expr_test:")
    for _ in range(rng.randint(1, 4)):
        expr = vector_expr(rng) if rng.random() < 0.8 else f"rec0:{rng.choice(['sum', 'rate'])}"
        lines += [f"  - expr: {quote(expr)}", f"    eval_time: {eval_time(rng, steps)}",
                  "    exp_samples:", "    - labels: 'nothing'", "      value: -12345"]
    case_dir = os.path.join(directory, f"random-{idx:04d}")
    os.makedirs(case_dir)
    write_lines(os.path.join(case_dir, "rules.yml"), rules)
    write_lines(os.path.join(case_dir, "test.yml"), lines)
    return os.path.join(case_dir, "test.yml")


def eval_time(rng, steps):
    # Mostly on a step; sometimes between steps, where promtool sees only the samples loaded
    # up to the last step before it.
    if rng.random() < 0.7:
        return f"{rng.randint(0, steps + 2)}m"
    return f"{rng.randint(0, (steps + 2) * 60)}s"


def quote(s):
    return "'" + s.replace("'", "''") + "'"


def run(cmd, cwd):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=120)
    return p.returncode, p.stdout, p.stderr


DUPLICATE = re.compile(r"(found duplicate series for the match group .*? operation: )\[(.*?)\];")


FLOAT = re.compile(r"(?<![\w.])[-+]?\d+\.\d+(?:[eE][-+]?\d+)?")


def normalise(text):
    # promtool loads input series from a Go map, so the order of the series listed in a
    # many-to-many error is random from run to run; compare them as a set.
    def sort_list(m):
        items = re.findall(r"\{[^}]*\}", m.group(2))
        return m.group(1) + "[" + ", ".join(sorted(items)) + "];"
    text = DUPLICATE.sub(sort_list, text)
    # The same map order decides the order in which sum(), avg() and the like add their inputs,
    # so promtool's own last digits can change between runs of one file (the likely cause of one
    # failure in a full ctest run that did not come back in 24 reruns); values that agree to 12
    # significant digits are taken as the same value.
    return FLOAT.sub(lambda m: "%.12g" % float(m.group(0)), text)


def compare(caxtool, path, label):
    cwd, name = os.path.dirname(path), os.path.basename(path)
    want = run(["promtool", "test", "rules", name], cwd)
    got = run([caxtool, "test", "rules", "--prometheus-version", "2.42", name], cwd)
    # caxtool's stderr also carries file:line:col findings before promtool's report.
    got_err = "".join(l for l in got[2].splitlines(True)
                      if not l.rstrip().endswith("]") or l.startswith(" "))
    got_err = "".join(l for l in got_err.splitlines(True)
                      if not (" error" in l and "warning" in l and l[0].isdigit())
                      and not l.startswith("  hint: "))
    if (want[0] != got[0] or normalise(want[1]) != normalise(got[1])
            or normalise(want[2]) != normalise(got_err)):
        print(f"DIFF {label}: {path}\n  promtool exit {want[0]}, caxtool exit {got[0]}")
        print("--- promtool stderr\n" + want[2][:3000] + "--- caxtool stderr\n" + got_err[:3000])
        return False
    return True


def sample_limit_cases(directory):
    """Rule tests on both sides of promtool's query sample limit (10000 in promql.LazyLoader):
    a range function's window, a subquery's steps, an aggregation's and a binary operator's
    inputs gathered twice, timestamp(); expectations wrong on purpose so values are printed."""
    cases = [  # (name, number of series, samples per series, exprs)
        ("window", 1, 20001, ["count_over_time(m[9998m])", "count_over_time(m[9999m])",
                              "sum_over_time(m[4998m:1m])", "sum_over_time(m[4999m:1m])",
                              "quantile_over_time(0.5, m[9997m])", "absent_over_time(m[9999m])",
                              "max_over_time(m[5000m:2m])"]),
        ("subquery", 1, 20001, ["sum_over_time((m * 2)[3331m:1m])",
                                "sum_over_time((m * 2)[3332m:1m])",
                                "sum_over_time((m * 2)[3333m:1m])",
                                "max_over_time(rate(m[5m])[4998m:1m])",
                                "max_over_time(rate(m[5m])[4999m:1m])",
                                "sum_over_time(sum(m)[3332m:1m])", "sum_over_time(sum(m)[3333m:1m])",
                                "count_over_time(max_over_time(m[5m:1m])[2000m:1m])",
                                "count_over_time(max_over_time(m[5m:1m])[2500m:1m])"]),
        ("sum", 5000, 2, ["sum(m)", "count(m)"]),
        ("sum-ok", 4999, 2, ["sum(m)", "timestamp(m)"]),
        ("binary", 3333, 2, ["m * 2", "-m", "abs(m)"]),
        ("binary-ok", 3332, 2, ["m * 2", "timestamp(m)", "vector(1) + m"]),
    ]
    paths = []
    for name, nseries, nsamples, exprs in cases:
        lines = ["rule_files: []", "evaluation_interval: 1m", "tests:", "- interval: 1m",
                 "  input_series:"]
        for i in range(nseries):
            lines += [f"  - series: 'm{{i=\"{i}\"}}'", f"    values: '0+1x{nsamples - 1}'"]
        lines.append("  promql_expr_test:")
        for e in exprs:
            lines += [f"  - expr: {quote(e)}", f"    eval_time: {nsamples - 1}m",
                      "    exp_samples:", "    - labels: '{}'", "      value: -1"]
        path = os.path.join(directory, f"sample-limit-{name}.test.yml")
        write_lines(path, lines)
        paths.append(path)
    return paths


def math_case(directory):
    """The math functions of 3522 values (wide ranges, subnormals, overflow, huge arguments,
    special points), printed by both tools: Go's amd64 assembly (exp, ln) and pure-Go
    functions round differently from glibc."""
    rng = random.Random(7)
    vals = [rng.uniform(-50, 50) for _ in range(1200)]
    vals += [rng.uniform(-746, 710) for _ in range(600)]
    vals += [10 ** rng.uniform(-310, 308) for _ in range(600)]
    vals += [rng.uniform(0, 3) for _ in range(300)]
    vals += [rng.uniform(-1, 1) for _ in range(600)]
    vals += [10 ** rng.uniform(8, 300) for _ in range(200)]  # Payne-Hanek reduction
    vals += [0.0, -0.0, 1.0, 2.0, 3.0, 0.5, 1e-320, 5e-324, 709.78, 709.782712893384, -708.39,
             -709.0, -744.5, -745.2, 0.7071067811865476, 0.7071067811865475, 1.4142135623730951,
             10.0, 100.0, 1024.0, 1e300, -1.0]
    # Test groups of 1500 series: a function of n series holds 3n samples, under the limit.
    lines = ["rule_files: []", "evaluation_interval: 1m", "tests:"]
    for start in range(0, len(vals), 1500):
        lines += ["- interval: 1m", "  input_series:"]
        for i, v in enumerate(vals[start:start + 1500], start):
            lines += [f"  - series: 'm{{i=\"{i}\"}}'", f"    values: '{v!r}'"]
        lines.append("  promql_expr_test:")
        for f in ["exp", "ln", "log2", "log10", "sin", "cos", "tan", "asin", "acos", "sinh",
                  "cosh", "tanh", "asinh", "acosh", "atanh", "atan", "sqrt", "deg", "rad"]:
            lines += [f"  - expr: {f}(m)", "    eval_time: 0m", "    exp_samples:",
                      "    - labels: '{}'", "      value: -1"]
    return write_lines(os.path.join(directory, "math.test.yml"), lines)


def time_case(directory):
    """Times as Go takes them: the date functions over time.Unix(int64(v), 0) (NaN, the
    infinities and |v| >= 2^63 become math.MinInt64, and Go's absolute-year arithmetic wraps),
    humanizeDuration's int64 conversion, humanizeTimestamp's and toTime's millisecond
    truncation and overflow error, the methods of toTime's *time.Time, and the canonical
    spacing of the node Go names in an execution error."""
    rng = random.Random(11)
    vals = [rng.uniform(-4e9, 8e9) for _ in range(150)]
    vals += [rng.uniform(-1e3, 1e3) for _ in range(50)]
    vals += [10 ** rng.uniform(9, 30) * rng.choice([-1, 1]) for _ in range(50)]
    vals += [0.0, -0.0, 1.0000001, -1.0000001, 0.0005, -0.0005, 59.999, 86399.9999,
             951782400.0, 951868799.0, 4107542400.0, -62135596800.0, -62135596801.0,
             9223372036.854775807, -9223372036.854775808, 9.2233720368547e18,
             -9.2233720368547e18, 1e18, 1e30, -1e30, float("nan"), float("inf"), float("-inf")]
    rules = ["groups:", "- name: g", "  rules:", "  - alert: T", "    expr: 'm'",
             "    annotations:",
             "      d: '{{ humanizeDuration $value }}'",
             "      t: '{{ humanizeTimestamp $value }}'",
             "      u: '{{ (toTime   $value).Unix }} {{ (toTime $value).UnixMilli }} "
             "{{ (toTime $value).UTC }} {{ (toTime $value).Year }} {{ (toTime $value).YearDay }} "
             "{{ (toTime $value).Day }} {{ (toTime $value).Hour }} {{ (toTime $value).Minute }} "
             "{{ (toTime $value).Second }} {{ (toTime $value).Nanosecond }}'",
             "      v: '{{ $value|toTime }}'"]
    lines = ["rule_files: [time.rules.yml]", "evaluation_interval: 1m", "tests:",
             "- interval: 1m", "  input_series:"]
    for i, v in enumerate(vals):
        lines += [f"  - series: 'm{{i=\"{i}\"}}'", f"    values: '{v!r}'"]
    lines += ["  alert_rule_test:", "  - eval_time: 0m", "    alertname: T",
              "    exp_alerts: []", "  promql_expr_test:"]
    for f in ["year", "month", "day_of_month", "day_of_year", "day_of_week", "hour", "minute",
              "days_in_month"]:
        lines += [f"  - expr: {f}(m)", "    eval_time: 0m", "    exp_samples:",
                  "    - labels: '{}'", "      value: -1"]
    write_lines(os.path.join(directory, "time.rules.yml"), rules)
    return write_lines(os.path.join(directory, "time.test.yml"), lines)


def notation_case(directory):
    """Series values built from the notation's tokens and the lexer's traps at random, most of
    them invalid: promtool's message (goyacc's error rules, the lexer's own errors, strconv's)
    and column, or its values, for each."""
    rng = random.Random(13)
    pieces = ["1", "2", "0", "010", "08", ".5", "5.", "1e3", "1e", "1e+", "1.5e3.2", "Inf", "nan",
              "-", "+", "x", "x2", "x3", "_", "stale", "stalex2", "NaNx2", "abc", "sum", "by",
              "on", "or", "start", "a:b", "1_000", "0x1f", "12345678901", ".", "(", " ", " ",
              " ", "\t", "1x2", "_x2", "2.5", "-1-1x2", "1+2x3", "x-1", "__", "_2"]
    lines = ["rule_files: []", "evaluation_interval: 1m", "tests:"]
    for _ in range(150):
        values = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))).strip() or "1"
        lines += ["- interval: 1m", "  input_series:", "  - series: 'a'",
                  f"    values: {quote(values)}", "  promql_expr_test:", "  - expr: a",
                  "    eval_time: 1m", "    exp_samples: []"]
    return write_lines(os.path.join(directory, "notation.test.yml"), lines)


def test_file_error_cases(directory):
    """Test and rule files promtool refuses, each as yaml.v2/v3 words it: unknown and repeated
    fields, type errors with resolved tags and cut values, a bad duration failing the whole
    decode, syntax errors with yaml.v2's line count, a later document never read, fields newer
    than 2.42; and float values in every integer notation."""
    files = {
        "a.yml": "rule_files: []\ntests:\n- interval: 1m\n  interval: 2m\n  external_labels: {a: b, a: c}\n  input_series:\n  - series: up\n    values: \"1\"\n    series: down\n  promql_expr_test:\n  - expr: up\n    eval_time: 0m\n    exp_samples:\n    - labels: up\n      value: 1\n      value: 2\n",
        "b.yml": "rule_files: []\ntests:\n- interval: 1m\n  input_series: true\n  promql_expr_test:\n  - expr: [a]\n    eval_time: 2001-12-14\n",
        "c.yml": "rule_files: []\ntests:\n- interval: 1m\n  input_series:\n  - series: up\n    values: 0x1F\n  promql_expr_test:\n  - expr: up\n    eval_time: 0m\n    exp_samples:\n    - value: averyveryverylongvalue\n    - value: \"1\"\n    - value: yes\n    - value: .5\n    - value: 1_000\n    - value: 0b101\n",
        "d.yml": "rule_files: []\nevaluation_interval: 1y2x\ntests: {}\n",
        "e.yml": "rule_files: []\ntests:\n- interval: 1m\n  input_series:\n  - series: up\n    values: \"1\"\n---\nfoo: [\n",
        "f.yml": "rule_files: []\ntests:\n- interval: 1m\n  alert_rule_test:\n  - eval_time: 1m\n    alertname: x\n    exp_alerts:\n    - exp_labels: {a: 1, b: [1]}\n      exp_annotations: 3\n      foo: 1\n      exp_labels: {}\n",
        "g.yml": "\tbad: tab\n",
        "h.yml": "rule_files: []\ntests:\n- interval: 1m\n  name: \"unterminated\n",
        "i.yml": "rule_files:\n  - a\n  - [b]\n  - {c: d}\ngroup_eval_order: x\ntests:\n- 5\n- name: ok\n  interval: 1m\n",
        "j.yml": "rule_files: []\ntests:\n- interval: 1m\n  input_series:\n  - series: up\n    values: \"493\"\n  promql_expr_test:\n  - expr: up\n    eval_time: 0m\n    exp_samples:\n    - labels: up\n      value: 0755\n    - value: 0x1f\n    - value: 0o17\n    - value: -0b11\n    - value: 1e3\n    - value: +5\n    - value: 1.\n    - value: 9223372036854775808\n",
        "ruleextra.rules.yml": "groups:\n- name: g\n  namespace: x\n  rules:\n  - record: a:b\n    expr: up\n    foo: 1\n",
        "ruleextra.yml": "rule_files: [ruleextra.rules.yml]\nevaluation_interval: 1m\ntests:\n- interval: 1m\n  input_series:\n  - series: 'up'\n    values: '1'\n  promql_expr_test:\n  - expr: up\n    eval_time: 0m\n    exp_samples: []\n",
        "ut2.yml": "rule_files: []\nevaluation_interval: 1m\nbogus: 1\ntests:\n- interval: 1m\n  zzz: 2\n  input_series:\n  - series: 'up'\n    values: '1'\n    extra: 3\n  promql_expr_test:\n  - expr: up\n    eval_time: 0m\n    exp_samples: []\n",
        "ut3.yml": "rule_files: []\nevaluation_interval: 1m\ntests:\n- interval: abc\n  input_series:\n  - series: up\n    values: \"1\"\n  promql_expr_test:\n  - expr: up\n    eval_time: 0m\n    eval_time: 1m\n    exp_samples: [1]\n",
        "ut4.yml": "rule_files: []\ntests:\n- interval: 1m\n  input_series: [\n",
        "ut5.yml": "rule_files: x\nevaluation_interval: [1]\ntests: 3\n",
    }
    paths = []
    for name, text in files.items():
        path = os.path.join(directory, name)
        with open(path, "w") as f:
            f.write(text)
        if not name.endswith(".rules.yml"):
            paths.append(path)
    return paths


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    if shutil.which("promtool") is None:
        print("promtool not installed: skipped")
        return 77
    caxtool = os.path.abspath(sys.argv[1])
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 150
    seed = int(sys.argv[3]) if len(sys.argv) > 3 else 4242
    here = os.path.dirname(os.path.abspath(__file__))
    corpus = os.path.normpath(os.path.join(here, "..", "corpus", "rules"))  # a copy of shared/corpus/rules
    failures = total = 0
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        gen = os.path.join(tmp, "generated")
        if subprocess.run([caxtool, "generate", "--out", gen, "--only", "rules"],
                          capture_output=True).returncode == 0:
            for root, _, names in os.walk(gen):
                files += [("generate", os.path.join(root, x)) for x in names if ".test." in x]
        # Our own fixtures in the shapes of Prometheus's cmd/promtool/testdata (the @ modifier,
        # negative offsets, long periods, templates, refused inputs and rules), which cannot be
        # committed here; $PROMTOOL_TESTDATA runs the real ones.
        own = os.path.join(here, "rule-tests")
        for d in filter(None, [corpus, own, os.environ.get("PROMTOOL_TESTDATA")]):
            if os.path.isdir(d):
                for x in sorted(os.listdir(d)):
                    p = os.path.join(d, x)
                    text = open(p, errors="replace").read()
                    # A unit-test file, not a prometheus.yml (which has rule_files: too).
                    if x.endswith((".yml", ".yaml")) and "rule_files:" in text and "tests:" in text:
                        files.append(("fixture", p))
        files += [("sample limit", p) for p in sample_limit_cases(tmp)]
        files.append(("go math", math_case(tmp)))
        files.append(("go time", time_case(tmp)))
        files.append(("series notation", notation_case(tmp)))
        files += [("test file errors", p) for p in test_file_error_cases(tmp)]
        random_seed = random.SystemRandom().randrange(1 << 30)
        print(f"fixed seed {seed}, random seed {random_seed} (replay: {sys.argv[0]} CAXTOOL N SEED)")
        for s in (seed, random_seed):
            rng = random.Random(s)
            for i in range(n):
                files.append((f"random seed {s}", random_case(rng, i + (0 if s == seed else n),
                                                              tmp)))
        for label, path in files:
            total += 1
            if not compare(caxtool, path, label):
                failures += 1
    print(f"{total - failures}/{total} agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
