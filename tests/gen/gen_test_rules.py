#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""A large promtool rule unit test, for benchmarking `test rules` (caxtool vs promtool).

  python3 gen_test_rules.py OUTDIR [--alerts 500] [--series 10000] [--steps 1000] [--seed 1]

Writes OUTDIR/rules.yml (ALERTS alerting rules in groups of 50, each over SERIES/ALERTS series,
with templated labels and annotations) and OUTDIR/test.yml (the input series in the expanding
notation, STEPS evaluation steps of 1m, an alert_rule_test per alert at the last step listing
every firing alert, and a few promql_expr_tests). The expectations are computed here, so both
tools must pass (exit 0): a benchmark that compares a failure would time the error path.
"""
import argparse
import os
import random


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("outdir")
    ap.add_argument("--alerts", type=int, default=500)
    ap.add_argument("--series", type=int, default=10000)
    ap.add_argument("--steps", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(a.outdir, exist_ok=True)
    per = max(1, a.series // a.alerts)
    last = a.steps - 1
    threshold = last - 10
    rules = ["groups:"]
    test = ["rule_files: [rules.yml]", "evaluation_interval: 1m", "tests:", "- name: bench",
            "  interval: 1m", "  input_series:"]
    alert_tests = []
    for k in range(a.alerts):
        if k % 50 == 0:
            rules += [f"- name: bench-{k // 50}", "  rules:"]
        metric = f"bench_metric_{k}"
        rules += [f"  - alert: BenchHigh{k}",
                  f"    expr: {metric} > {threshold}",
                  f"    for: {rng.choice([1, 2, 5])}m",
                  "    labels:",
                  "      severity: '{{ if gt $value 0.0 }}page{{ else }}none{{ end }}'",
                  "    annotations:",
                  "      summary: '{{ $labels.instance }} of {{ $labels.job }} is high'",
                  "      value: '{{ $value | humanize }}'"]
        firing = []
        for i in range(per):
            base = rng.randint(0, 5)
            step = 1
            test += [f"  - series: '{metric}{{job=\"bench\", instance=\"host-{i}:9100\"}}'",
                     f"    values: '{base}+{step}x{last}'"]
            value = base + last
            firing.append((i, value))
        alert_tests += [f"  - eval_time: {last}m", f"    alertname: BenchHigh{k}",
                        "    exp_alerts:"]
        for i, value in firing:
            shown = f"{value / 1000:.4g}k" if value >= 1000 else f"{value:.4g}"
            alert_tests += ["    - exp_labels:",
                            "        severity: page",
                            "        job: bench",
                            f"        instance: 'host-{i}:9100'",
                            "      exp_annotations:",
                            f"        summary: 'host-{i}:9100 of bench is high'",
                            f"        value: '{shown}'"]
    test += ["  alert_rule_test:"] + alert_tests
    test += ["  promql_expr_test:",
             # One alert's series: promtool's test engine refuses queries touching more than
             # 10,000 samples (its lazy loader's MaxSamples).
             f"  - expr: count(ALERTS{{alertname=\"BenchHigh0\", alertstate=\"firing\"}})",
             f"    eval_time: {last}m",
             "    exp_samples:",
             f"    - labels: '{{}}'",
             f"      value: {per}",
             f"  - expr: count(bench_metric_0)",
             "    eval_time: 0m",
             "    exp_samples:",
             f"    - labels: '{{}}'",
             f"      value: {per}"]
    with open(os.path.join(a.outdir, "rules.yml"), "w") as f:
        f.write("\n".join(rules) + "\n")
    with open(os.path.join(a.outdir, "test.yml"), "w") as f:
        f.write("\n".join(test) + "\n")


if __name__ == "__main__":
    main()
