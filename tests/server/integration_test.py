#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""caxtool against real servers on loopback: Prometheus 2.42 (Debian's) scraping itself, a node
exporter, a static exposition served from a file and a target that is down; VictoriaMetrics
scraping the same. Every server command runs against both, and what caxtool reports is compared
with the raw API answers. Servers get free ports and temp dirs and are stopped at exit.

  integration_test.py CAXTOOL     (exit 77 when a server binary is missing)
"""
import json
import os
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import Checker, free_port, http_get, run, start, temp_dir, wait_until  # noqa: E402

EXPOSITION = """# HELP caxton_agent_messages_total Messages handled by agents.
# TYPE caxton_agent_messages_total counter
caxton_agent_messages_total{agent="a1",status="ok"} 10
caxton_agent_messages_total{agent="a2",status="ok"} 20
caxton_agent_messages_total{agent="a3",status="error"} 3
# HELP caxton_active_agents Agents running.
# TYPE caxton_active_agents gauge
caxton_active_agents 3
# HELP caxton_conversation_messages_total Planted offender: a series per conversation.
# TYPE caxton_conversation_messages_total counter
""" + "".join('caxton_conversation_messages_total{agent="a%d",conversation_id="c%03d"} %d\n' % (i % 3, i, i)
              for i in range(300))

RULES = """groups:
  - name: caxton
    rules:
      - record: job:up:sum
        expr: sum by (job) (up)
      - alert: AlwaysFiring
        expr: vector(1)
        labels: {severity: info}
"""


def api(url, path):
    _, body = http_get(url + path, timeout=10)
    return json.loads(body)["data"]


def main():
    caxtool = sys.argv[1]
    for binary in ("prometheus", "victoria-metrics", "prometheus-node-exporter"):
        if shutil.which(binary) is None:
            print("SKIP: %s is not installed (scripts/setup.sh installs it)" % binary)
            raise SystemExit(77)
    tmp = temp_dir("servers")
    c = Checker()

    # The static exposition, served from a file.
    www = os.path.join(tmp, "www")
    os.makedirs(www)
    with open(os.path.join(www, "metrics"), "w") as f:
        f.write(EXPOSITION)
    static_port = free_port()
    start([sys.executable, "-m", "http.server", "--bind", "127.0.0.1", "--directory", www, str(static_port)],
          os.path.join(tmp, "static.log"))
    node_port = free_port()
    start(["prometheus-node-exporter", "--web.listen-address=127.0.0.1:%d" % node_port,
           "--collector.disable-defaults", "--collector.cpu", "--collector.meminfo", "--collector.loadavg"],
          os.path.join(tmp, "node.log"))
    prom_port, vm_port, dead_port = free_port(), free_port(), free_port()
    scrape = """scrape_configs:
  - job_name: prometheus
    static_configs: [{targets: ['127.0.0.1:%d']}]
  - job_name: node
    static_configs: [{targets: ['127.0.0.1:%d']}]
  - job_name: caxton
    static_configs: [{targets: ['127.0.0.1:%d']}]
  - job_name: broken
    static_configs: [{targets: ['127.0.0.1:%d']}]
""" % (prom_port, node_port, static_port, dead_port)
    with open(os.path.join(tmp, "prometheus.yml"), "w") as f:
        f.write("global: {scrape_interval: 1s, evaluation_interval: 1s}\nrule_files: [rules.yml]\n" + scrape)
    with open(os.path.join(tmp, "rules.yml"), "w") as f:
        f.write(RULES)
    with open(os.path.join(tmp, "vm-scrape.yml"), "w") as f:
        f.write("global: {scrape_interval: 1s}\n" + scrape)
    prom_log = os.path.join(tmp, "prometheus.log")
    start(["prometheus", "--config.file=" + os.path.join(tmp, "prometheus.yml"),
           "--storage.tsdb.path=" + os.path.join(tmp, "prom-data"),
           "--web.listen-address=127.0.0.1:%d" % prom_port], prom_log)
    vm_log = os.path.join(tmp, "vm.log")
    start(["victoria-metrics", "-storageDataPath=" + os.path.join(tmp, "vm-data"),
           "-httpListenAddr=127.0.0.1:%d" % vm_port, "-promscrape.config=" + os.path.join(tmp, "vm-scrape.yml"),
           "-search.latencyOffset=0s", "-search.disableCache"], vm_log)
    prom = "http://127.0.0.1:%d" % prom_port
    vm = "http://127.0.0.1:%d" % vm_port

    def all_scraped(url):
        targets = api(url, "/api/v1/targets")["activeTargets"]
        health = {t["labels"]["job"]: t["health"] for t in targets}
        return health.get("broken") == "down" and all(health.get(j) == "up" for j in ("prometheus", "node", "caxton"))

    for name, url, log in (("Prometheus", prom, prom_log), ("VictoriaMetrics", vm, vm_log)):
        wait_until(name + " ready", lambda: http_get(url + "/-/ready")[0] == 200, 60, log)
        wait_until(name + " targets scraped", lambda: all_scraped(url), 60, log)
    wait_until("VictoriaMetrics has the samples",
               lambda: api(vm, "/api/v1/query?query=count(up)")["result"][0]["value"][1] == "4", 60, vm_log)
    wait_until("Prometheus has 6s of samples", lambda: float(api(
        prom, "/api/v1/query?query=count_over_time(caxton_active_agents[10s])")["result"][0]["value"][1]) >= 6,
        60, prom_log)
    wait_until("Prometheus rules evaluated",
               lambda: api(prom, "/api/v1/alerts")["alerts"], 60, prom_log)

    for engine, url in (("prometheus", prom), ("victoriametrics", vm)):
        def case(name, args, code, **kw):
            rc, out, err, secs = run(caxtool, args + ["--url", url], **kw)
            c.check("%s %s: exit %d" % (engine, name, code), rc == code,
                    "args=%s exit=%d\nstdout=%s\nstderr=%s" % (args, rc, out[:1500], err[:1500]))
            return out, err

        # targets: the table, the filters, the exit code, and JSON that keeps the server's objects.
        out, _ = case("targets", ["targets"], 1)
        for job in ("prometheus", "node", "caxton", "broken"):
            c.check("%s targets: %s listed" % (engine, job), "\n" + job + " " in "\n" + out, out)
        out, _ = case("targets --down", ["targets", "--down"], 1)
        c.check("%s targets --down: only broken" % engine,
                out.count("\n") == 2 and "broken" in out and "connection refused" in out, out)
        out, _ = case("targets --pool node", ["targets", "--pool", "node"], 0)
        c.check("%s targets --pool: one row" % engine, out.count("\n") == 2 and "node" in out, out)
        out, _ = case("targets json", ["--format", "json", "targets", "--state", "active"], 1)
        mine = json.loads(out)["activeTargets"]
        raw = api(url, "/api/v1/targets")["activeTargets"]
        key = lambda t: (t["labels"]["job"], t["labels"]["instance"], t["health"])  # noqa: E731
        c.check("%s targets json: same targets as the API" % engine, sorted(map(key, mine)) == sorted(map(key, raw)))
        c.check("%s targets json: every field kept" % engine,
                all(set(m) == set(r) for m, r in zip(sorted(mine, key=key), sorted(raw, key=key))))

        # query: instant, range, CSV and JSON against the API's own answer.
        out, _ = case("query json", ["--format", "json", "query", "up"], 0)
        mine = json.loads(out)
        raw = api(url, "/api/v1/query?query=up")
        labels = lambda r: sorted(json.dumps(s["metric"], sort_keys=True) for s in r["result"])  # noqa: E731
        c.check("%s query: same series" % engine, mine["resultType"] == "vector" and labels(mine) == labels(raw))
        out, _ = case("query csv", ["query", "-o", "csv", "count(up)"], 0)
        c.check("%s query csv: count is 4" % engine, out.splitlines()[-1].endswith(",4"), out)
        out, _ = case("query table", ["query", "up{job=\"node\"}"], 0)
        c.check("%s query table: node series" % engine, 'up{instance="127.0.0.1:%d", job="node"}' % node_port in out, out)
        out, _ = case("query range", ["query", "caxton_active_agents", "--start", "now-6s", "--step", "1s"], 0)
        c.check("%s query range: samples" % engine, out.count("caxton_active_agents") >= 3, out)
        out, err = case("query typo", ["query", "sum(rate(up[5m])"], 1)
        c.check("%s query typo: caret, nothing sent" % engine, "^" in err and "<expr>:1:" in err, err)

        # tsdb status against the API.
        out, _ = case("tsdb status json", ["--format", "json", "tsdb", "status", "--limit", "5"], 0)
        mine = json.loads(out)["tenants"][0]
        if engine == "prometheus":
            raw = api(url, "/api/v1/status/tsdb")  # 2.42 takes no limit: the same cached answer
            c.check("prometheus tsdb: head series", mine["headStats"]["numSeries"] == raw["headStats"]["numSeries"])
            c.check("prometheus tsdb: label pairs key", [s["name"] for s in mine["seriesCountByLabelValuePair"]] ==
                    [s["name"] for s in raw["seriesCountByLabelValuePair"]][:5])
            c.check("prometheus tsdb: no limit sent to 2.42", json.loads(out)["limitSent"] is False)
        else:
            raw = api(url, "/api/v1/status/tsdb?topN=5")
            c.check("vm tsdb: total series", mine["totalSeries"] == raw["totalSeries"], (mine, raw))
            c.check("vm tsdb: by metric", mine["seriesCountByMetricName"] == raw["seriesCountByMetricName"], (mine, raw))
        out, _ = case("tsdb status text", ["tsdb", "status", "--limit", "3"], 0)
        c.check("%s tsdb text: metric table" % engine, "Series by metric name" in out, out)
        if engine == "prometheus":
            c.check("prometheus tsdb text: head scope said", "only the head block" in out, out)

        # status and doctor.
        out, _ = case("status", ["--format", "json", "status"], 0)
        st = json.loads(out)
        c.check("%s status: ready" % engine, st["ready"] is True, out)
        if engine == "prometheus":
            c.check("prometheus status: version", st["version"] == api(url, "/api/v1/status/buildinfo")["version"])
            c.check("prometheus status: reload state", st["runtimeinfo"]["reloadConfigSuccess"] is True)
        out, _ = case("doctor", ["--format", "json", "doctor", "--collector-job", "node"], 1)
        steps = {s["name"]: s["status"] for s in json.loads(out)["steps"]}
        c.check("%s doctor: broken target fails" % engine, steps.get("targets") == "fail", out)
        c.check("%s doctor: collector job up" % engine, steps.get("collector") == "ok", out)
        c.check("%s doctor: reachable and ready" % engine, steps["reachable"] == "ok" and steps["ready"] == "ok", out)
        c.check("%s doctor: series within budget" % engine, steps["series"] == "ok", out)
        if engine == "prometheus":
            c.check("prometheus doctor: config, rules ok; alert firing",
                    steps["config"] == "ok" and steps["rules"] == "ok" and steps["alerts"] == "warn", out)
        out, _ = case("doctor small budget", ["doctor", "--max-series", "10"], 1)
        c.check("%s doctor: budget exceeded" % engine, "fail  series" in out, out)

        # cardinality: the planted offender, its driving label, and a fix measured on its series.
        planted = "caxton_conversation_messages_total"
        out, _ = case("cardinality selector", ["--format", "json", "cardinality", "--selector", '{job="caxton"}',
                                               "--max-series-per-metric", "100", "--forbid-label", "conversation_id"], 1)
        rep = json.loads(out)
        c.check("%s cardinality: total" % engine, rep["totalSeries"] >= 304, out[:500])  # + up, scrape_* and rules
        top = rep["metrics"][0]
        c.check("%s cardinality: planted metric first, driven by conversation_id" % engine,
                top["name"] == planted and top["series"] == 300 and top["topLabel"] == {"name": "conversation_id", "values": 300},
                json.dumps(top))
        offenders = {(o["kind"], o["name"]): o for o in rep["offenders"]}
        m = offenders.get(("metric", planted))
        c.check("%s cardinality: metric offender with a label fix" % engine,
                m is not None and m["fix"]["removesSeries"] == 297 and "target_label: conversation_id" in m["fix"]["relabel"],
                json.dumps(rep["offenders"]))
        f = offenders.get(("forbidden", "conversation_id"))
        c.check("%s cardinality: forbidden label, labeldrop" % engine,
                f is not None and f["value"] == 300 and f["fix"]["removesSeries"] == 297 and "labeldrop" in f["fix"]["relabel"],
                json.dumps(rep["offenders"]))
        out, _ = case("cardinality under budget", ["cardinality", "--selector", '{job="caxton"}', "--max-series", "1000"], 0)
        c.check("%s cardinality text: driving label shown" % engine, "conversation_id (300 values)" in out, out)
        out, _ = case("cardinality status", ["--format", "json", "cardinality", "--max-series-per-metric", "200"], 1)
        rep = json.loads(out)
        c.check("%s cardinality from the TSDB status: planted metric over budget" % engine,
                any(o["name"] == planted and o["kind"] == "metric" and o["fix"]["removesSeries"] == 297
                    for o in rep["offenders"]), out[:1500])
        out, err = case("cardinality github", ["--format", "github", "cardinality", "--selector", '{job="caxton"}',
                                               "--forbid-label", "conversation_id"], 1)
        c.check("%s cardinality github annotation" % engine, "::error" in out and "cardinality/forbidden" in out, out + err)
    c.finish()


if __name__ == "__main__":
    main()
