#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Checks generated Grafana files: each dashboard is importable classic JSON (the bare object,
not the HTTP API wrapper) with the fields Grafana requires and the ones this project promises: a
datasource variable, $__rate_interval in rates, a unit on every panel; provisioning files parse."""
import json
import pathlib
import re
import sys

import yaml  # python3-yaml, from Debian

root = pathlib.Path(sys.argv[1])
problems = []
dashboards = sorted((root / "dashboards").glob("*.json"))
if not dashboards:
    problems.append("no dashboards")
for path in dashboards:
    d = json.loads(path.read_text())
    where = path.name
    if "dashboard" in d and "panels" not in d:
        problems.append(f"{where}: API wrapper, not an importable dashboard")
    for key, typ in [("uid", str), ("title", str), ("schemaVersion", int), ("panels", list),
                     ("templating", dict), ("time", dict)]:
        if not isinstance(d.get(key), typ):
            problems.append(f"{where}: {key} missing or not {typ.__name__}")
    variables = {v.get("name"): v for v in d.get("templating", {}).get("list", [])}
    ds = variables.get("datasource")
    if not ds or ds.get("type") != "datasource" or ds.get("query") != "prometheus":
        problems.append(f"{where}: no datasource variable of type datasource/prometheus")
    ids = set()
    for p in d.get("panels", []):
        pid = p.get("id")
        if pid in ids:
            problems.append(f"{where}: duplicate panel id {pid}")
        ids.add(pid)
        title = p.get("title", "?")
        if p.get("type") == "row":
            continue
        if p.get("type") not in ("timeseries", "stat", "gauge", "bargauge", "table", "heatmap"):
            problems.append(f"{where}: panel {title}: type {p.get('type')!r}")
        g = p.get("gridPos", {})
        if not all(isinstance(g.get(k), int) for k in ("x", "y", "w", "h")) or g["x"] + g["w"] > 24:
            problems.append(f"{where}: panel {title}: bad gridPos {g}")
        if not p.get("fieldConfig", {}).get("defaults", {}).get("unit"):
            problems.append(f"{where}: panel {title}: no unit")
        if p.get("datasource", {}).get("uid") != "${datasource}":
            problems.append(f"{where}: panel {title}: datasource is not ${{datasource}}")
        refs = set()
        for t in p.get("targets", []):
            if not t.get("refId") or t["refId"] in refs:
                problems.append(f"{where}: panel {title}: missing or duplicate refId")
            refs.add(t.get("refId"))
            for m in re.finditer(r"\b(rate|irate|increase)\([^\[]*\[([^\]]+)\]", t.get("expr", "")):
                if m.group(2) != "$__rate_interval":
                    problems.append(f"{where}: panel {title}: {m.group(1)} over [{m.group(2)}]")
        if not p.get("targets"):
            problems.append(f"{where}: panel {title}: no targets")
for prov in sorted((root / "provisioning").rglob("*.yaml")):
    doc = yaml.safe_load(prov.read_text())
    if not isinstance(doc, dict) or doc.get("apiVersion") != 1:
        problems.append(f"{prov}: not a provisioning file with apiVersion 1")
for p in problems:
    print(p, file=sys.stderr)
sys.exit(1 if problems else 0)
