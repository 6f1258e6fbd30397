#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Differential test of lib/gotemplate against promtool check rules, run by hand.

Builds alerting rules whose annotations are templates (hand-written edge cases, generated ones,
and mutations of both), asks promtool which annotations it rejects, asks caxtool's parser (through
check_driver.cpp, compiled here with g++) the same, and reports where the verdicts differ.

  python3 tests/gotemplate/diff_promtool.py [--count N] [--seed S] [--version 2.42] [--corpus]

--corpus also checks every annotation and label of the rule files in ../shared/corpus/rules,
which must all pass. Exits 1 on any disagreement.
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# --- Hand-written cases: every construct, valid and broken. -----------------------------------

HAND = r'''
plain text
{{ $labels.instance }} is down
{{ .Labels.job }} {{ .Value }} {{ .ExternalURL }} {{ .ExternalLabels.cluster }}
{{ $value }} {{ $externalURL }} {{ $externalLabels.region }} {{ $ }} {{ $.Labels.x }}
{{ $value | humanize }} {{ $value | humanize1024 }} {{ $value | humanizePercentage }}
{{ humanizeDuration $value }} {{ $value | humanizeTimestamp }} {{ toTime $value }}
{{ printf "%.2f" $value }} {{ printf `%s` "x" }} {{ print 1 2 }} {{ println }}
{{ if gt $value 80.0 }}high{{ else if gt $value 50.0 }}mid{{ else }}low{{ end }}
{{ range $i, $e := query "up" }}{{ $i }}{{ $e.Labels.job }}{{ end }}
{{ range query "up" }}{{ .Labels.instance }} {{ .Value }}{{ end }}
{{ with query "up" }}{{ . | first | value }}{{ else }}none{{ end }}
{{ with $x := 1 }}{{ $x }}{{ end }}
{{ range $x := .Labels }}{{ $x }}{{ break }}{{ continue }}{{ end }}
{{ break }}
{{ continue }}
{{ range . }}{{ if . }}{{ break }}{{ end }}{{ end }}
{{ range . }}{{ else }}{{ break }}{{ end }}
{{ range . }}{{ with . }}{{ continue }}{{ end }}{{ end }}
{{ define "x" }}{{ end }}
{{ define "x" }}a{{ end }}{{ template "x" }}
{{ define "x" }}a{{ end }}{{ define "x" }}b{{ end }}
{{ define "__alert_A0" }}a{{ end }}
{{ define "__alert_A0" }} {{ end }}
{{ block "__alert_A0" . }}a{{ end }}
{{ define "__alert_A1" }}a{{ end }}
{{ define "x" }}a{{ end }}{{ define "x" }} {{ end }}
{{ define "x" }} {{ end }}{{ define "x" }}b{{ end }}
{{ define "x" }}{{ $labels }}{{ end }}
{{ define "x" }}{{ $ }}{{ end }}
{{ define `x` }}{{ end }}
{{ define x }}{{ end }}
{{ define "x" 1 }}{{ end }}
{{ define "x" }}
{{ define "x" }}{{ else }}{{ end }}
{{ if 1 }}{{ define "x" }}{{ end }}{{ end }}
{{ template "nope" }}
{{ template "nope" . }}
{{ template nope }}
{{ template "x" $undefined }}
{{ block "b" . }}body{{ end }}
{{ block "b" }}body{{ end }}
{{ block "b" . }}{{ $labels }}{{ end }}
{{ block "b" . }}{{ else }}{{ end }}
{{ block "b" $x := 1 }}{{ end }}{{ $x }}
{{/* a comment */}}
{{- /* a trimmed comment */ -}}
{{/* unclosed comment
{{/* comment */ }}
{{ /* not a comment */ }}
{{/* comment */x}}
{{/**/}}
{{- $value -}}
{{-$value}}
{{$value-}}
{{ $value -}}x
{{-3}}
{{- 3 }}
{{ 3 -}}
{{3 - }}
{{ 1 }} {{ -1 }} {{ +1 }} {{ 1.5 }} {{ .5 }} {{ 1. }} {{ 1e3 }} {{ 1E-3 }} {{ 0x1F }} {{ 0X1f }}
{{ 0o17 }} {{ 0O17 }} {{ 017 }} {{ 0b101 }} {{ 0B1 }} {{ 1_000 }} {{ 0x_1F }} {{ 0_17 }}
{{ 089 }}
{{ 08 }}
{{ 09.5 }}
{{ 1__0 }}
{{ 1_ }}
{{ _1 }}
{{ 0x }}
{{ 0b2 }}
{{ 0o8 }}
{{ 0x1p3 }} {{ 0x1.8p-2 }} {{ 0x.8p1 }}
{{ 0x1.8 }}
{{ 1p3 }}
{{ 1e }}
{{ 1e+ }}
{{ 1e400 }}
{{ 1e-400 }}
{{ 18446744073709551615 }}
{{ 18446744073709551616 }}
{{ 9223372036854775807 }}
{{ -9223372036854775808 }}
{{ -9223372036854775809 }}
{{ 99999999999999999999999 }}
{{ 1i }} {{ 1.5i }} {{ 0x1p2i }} {{ 1+2i }} {{ 1-2i }} {{ -1+2.5e3i }} {{ 0x1p1+1i }}
{{ 1+2 }}
{{ 1+i }}
{{ 1i+2i }}
{{ 0o7+1i }}
{{ 1_0+2i }}
{{ 0x1+2i }}
{{ + }}
{{ - }}
{{ . }}
{{ .5.5 }}
{{ 3.foo }}
{{ 1x }}
{{ 'a' }} {{ '\n' }} {{ '\'' }} {{ '\x41' }} {{ '\u00e9' }} {{ '\U0001F600' }} {{ '\101' }} {{ 'é' }}
{{ '' }}
{{ 'ab' }}
{{ '\"' }}
{{ '\q' }}
{{ '\400' }}
{{ '\uD800' }}
{{ 'a }}
{{ "a\"b" }} {{ "\x41\u00e9\U0001F600\101\a\b\f\n\r\t\v\\" }} {{ `raw \q` }}
{{ "\'" }}
{{ "\q" }}
{{ "\x4" }}
{{ "\777" }}
{{ "unterminated }}
{{ `unterminated }}
{{ "a
b" }}
{{ `a
b` }}
{{ true }} {{ false }} {{ nil }} {{ true | not }}
{{ nil | print }}
{{ 1 | print }}
{{ print | 1 }}
{{ print | "x" }}
{{ print | . }}
{{ print | true }}
{{ print | nil }}
{{ print | $value }}
{{ print | .Labels }}
{{ print | (print) }}
{{ print | }}
{{ | print }}
{{ print || print }}
{{ }}
{{}}
{{ ( ) }}
{{ (print 1) }}
{{ (print 1).Foo }}
{{ "x".Foo }}
{{ 1.Foo }}
{{ $labels.job.Foo }}
{{ true.Foo }}
{{ nil.Foo }}
{{ ..Foo }}
{{ .Labels.job.x.y }}
{{ $labels.a.b }}
{{ humanize.x }}
{{ print (print (print 1)) }}
{{ print (1 }}
{{ print 1) }}
{{ print ((1) }}
{{ ) }}
{{ ( }}
{{ foo }}
{{ humanise $value }}
{{ toUpper "x" | toLower | title }}
{{ reReplaceAll "a" "b" "c" }} {{ match "a" "b" }} {{ label "x" (first (query "up")) }}
{{ args 1 2 }} {{ safeHtml "x" }} {{ graphLink "up" }} {{ tableLink "up" }} {{ pathPrefix }}
{{ externalURL }} {{ sortByLabel "x" (query "up") }} {{ strvalue (first (query "up")) }}
{{ parseDuration "1h" }} {{ stripPort "a:1" }} {{ stripDomain "a.b" }}
{{ now }}
{{ toDuration 1 }}
{{ urlQueryEscape "x" }}
{{ tmpl "x" . }}
{{ and 1 2 }} {{ or 1 2 }} {{ not 1 }} {{ len "x" }} {{ index $labels "x" }} {{ slice "abc" 1 }}
{{ call .X }} {{ html "x" }} {{ js "x" }} {{ urlquery "x" }} {{ eq 1 1 }} {{ ne 1 2 }}
{{ lt 1 2 }} {{ le 1 2 }} {{ gt 1 2 }} {{ ge 1 2 }}
{{ $x := 1 }}{{ $x }}
{{ $x := $x }}
{{ $x = 1 }}
{{ $x := 1 }}{{ $x = 2 }}{{ $x }}
{{ $x }}
{{ $label.instance }}
{{ $x:=1 }}
{{ $x=1 }}
{{ $x :1 }}
{{ $x : = 1 }}
{{ $x, $y := 1 }}
{{ range $x, $y := . }}{{ $x }}{{ $y }}{{ end }}
{{ range $x, $y, $z := . }}{{ end }}
{{ range $x, $y }}{{ end }}
{{ range $x, }}{{ end }}
{{ range $x, 1 }}{{ end }}
{{ range $x := . }}{{ end }}{{ $x }}
{{ if $x := 1 }}{{ $x }}{{ else }}{{ $x }}{{ end }}
{{ if 1 }}{{ $y := 1 }}{{ else }}{{ $y }}{{ end }}
{{ if 1 }}{{ $y := 1 }}{{ end }}{{ $y }}
{{ ($z := 1) }}{{ $z }}
{{ $labels := 1 }}
{{ $1 }}
{{ $é := 1 }}{{ $é }}
{{ if }}{{ end }}
{{ if 1 }}
{{ if 1 }}{{ else }}
{{ if 1 }}{{ else }}{{ else }}{{ end }}
{{ if 1 }}{{ else if 2 }}{{ else }}{{ end }}
{{ if 1 }}{{ else if }}{{ end }}
{{ if 1 }}{{ else with 2 }}{{ end }}
{{ with 1 }}{{ else with 2 }}{{ end }}
{{ with 1 }}{{ else if 2 }}{{ end }}
{{ range 1 }}{{ else if 2 }}{{ end }}
{{ if 1 }}{{ else 2 }}{{ end }}
{{ if 1 }}{{ end 2 }}
{{ end }}
{{ else }}
{{ if 1 }}{{ end }}{{ end }}
{{ range }}{{ end }}
{{ with }}{{ end }}
{{ break 1 }}
{{ range . }}{{ break 1 }}{{ end }}
{{ define }}
{{ block }}
{{ template }}
{{ if 1 }}{{ template "x" }}{{ end }}
{{ nil }}
{{ print nil }}
{{ "a" "b" }}
{{ print "a""b" }}
{{ print 1"b" }}
{{ print $value"b" }}
{{ print .Labels"b" }}
{{ print $value+1 }}
{{ print a+1 }}
{{ print , }}
{{ print ; }}
{{ print # }}
{{ print @ }}
{{ print [ }}
{{ print } }}
{{ print { }}
{{ print ~ }}
{{ print ! }}
{{ print \ }}
{{ print = }}
{{ print := }}
{{ print é }}
{{ print → }}
{{ print Ⅻ }}
{{ print ٣ }}
{{ printf "%s" . }}{{ unterminated
{{ print 1 }
{{
}}
{{{ print 1 }}}
{{ print 1 }}}}
{{{{
text }} only
a {{ print "}}" }} b
{{ print "{{" }}
{{ print 1
}}
{{ print
1 }}
{{
print 1 }}
{{ print 1 -}}
{{ print 1 -
}}
{{-
print 1 }}
{{ if
1 }}x{{ end }}
{{ printf "%s"	"tab" }}
{{ print 1 }}{{ print 2 }}
{{ .Labels.job | printf "%s" | toUpper }}
{{ $value | printf "%.2f" | printf "%s%%" }}
{{ 1 | printf "%d" }}
{{ query "up" | first | label "job" }}
'''.strip("\n").split("\n")

# Cases with characters hard to write above.
HAND += [
    "{{ print\u00a01 }}",
    "{{\u00a0print 1 }}",
    "{{ print 1\u200b}}",
    "{{ \ufeffprint 1 }}",
    "{{ print\x01 }}",
    "{{ print\x7f }}",
    "{{ print\r1 }}",
    "{{ print 1\r\n}}",
    "{{\n}}",
    "{{ print 1 }}\r\n{{ print 2 }}",
    "{{ 'x\\\n' }}",
    "{{ \"x\\\n\" }}",
    "{{ `\r` }}",
    "{{ '\u00e9\u00e9' }}",
    "{{ $\u00e9t\u00e9 := 1 }}{{ $\u00e9t\u00e9 }}",
    "{{ .\u00e9 }}",
    "{{ \u00e9 }}",
    "{{ print \"\u00e9\" }}",
    "{{ print '\U0001F600' }}",
    "{{ print \U0001F600 }}",
    "",
    " ",
    "}}",
    "{{",
    "{",
    "{{ print 1 }}{{",
    "{{-",
    "{{- ",
    "{{ -}}",
    "{{- -}}",
    "{{/*",
    "{{/**/",
    "{{/* */ -}}",
    "{{/* */-}}",
    "{{- /* x */ -}}",
    "{{-/* x */}}",
]

# --- Generated cases. ----------------------------------------------------------------------

GOOD_FUNCS = ["humanize", "humanize1024", "humanizeDuration", "humanizePercentage",
              "humanizeTimestamp", "printf", "print", "toUpper", "toLower", "title", "query", "first",
              "value", "label", "reReplaceAll", "match", "index", "len", "not", "and", "or", "eq",
              "ne", "lt", "gt", "toTime", "parseDuration", "stripPort", "stripDomain", "slice",
              "args", "safeHtml", "js", "html", "urlquery", "call", "strvalue", "sortByLabel",
              "graphLink", "pathPrefix"]
BAD_FUNCS = ["now", "toDuration", "urlQueryEscape", "tmpl", "humanise", "foo"]
GOOD_VARS = ["$labels", "$value", "$externalLabels", "$externalURL", "$", "$labels.instance",
             "$labels.job", "$.Labels.x", "$value.x"]
BAD_VARS = ["$x", "$y", "$i", "$e", "$undefined", "$label"]


class Weighted(list):
    """A list of choices that mostly yields the good ones."""

    def __init__(self, good, bad, bad_share=0.08):
        super().__init__(good)
        self.good, self.bad, self.bad_share = good, bad, bad_share


# In clean mode the generator avoids the choices known to be errors, so that most of what it
# writes is valid and a false rejection shows.
CLEAN = False


def pick(r, w):
    return r.choice(w.bad if not CLEAN and r.random() < w.bad_share else w.good)


FUNCS = Weighted(GOOD_FUNCS, BAD_FUNCS)
VARS = Weighted(GOOD_VARS, BAD_VARS, 0.1)
FIELDS = [".", ".Labels", ".Labels.job", ".Value", ".ExternalURL", ".ExternalLabels.x", ".x.y"]


def gen_number(r):
    if CLEAN or r.random() < 0.6:
        return gen_number_simple(r)
    kind = r.randrange(12)
    digits = lambda alphabet, n: "".join(r.choice(alphabet) for _ in range(n))
    sign = r.choice(["", "", "", "-", "+"])
    if kind == 0:
        s = digits("0123456789", r.randint(1, 25))
    elif kind == 1:
        s = "0x" + digits("0123456789abcdefABCDEF", r.randint(0, 18))
    elif kind == 2:
        s = "0o" + digits("012345678", r.randint(0, 23))
    elif kind == 3:
        s = "0b" + digits("012", r.randint(0, 66))
    elif kind == 4:
        s = "0" + digits("0123456789", r.randint(0, 22))
    elif kind == 5:
        s = digits("0123456789", r.randint(0, 4)) + "." + digits("0123456789", r.randint(0, 4))
    elif kind == 6:
        s = (digits("0123456789", r.randint(1, 3)) + r.choice("eE") + r.choice(["", "+", "-"])
             + digits("0123456789", r.randint(0, 4)))
    elif kind == 7:
        s = ("0x" + digits("0123456789abcdef", r.randint(0, 3)) + r.choice([".", ""])
             + digits("0123456789abcdef", r.randint(0, 2))
             + r.choice(["p", "P", ""]) + r.choice(["", "+", "-"]) + digits("0123456789", r.randint(0, 4)))
    elif kind == 8:
        s = gen_number_simple(r) + r.choice(["+", "-"]) + gen_number_simple(r) + r.choice(["i", "i", ""])
    elif kind == 9:
        s = gen_number_simple(r) + "i"
    elif kind == 10:
        s = digits("0123456789_", r.randint(1, 8))
        if r.random() < 0.5:
            s = r.choice(["0x", "0o", "0b", "0", ""]) + s
    else:
        s = r.choice(["1e308", "1.7976931348623157e308", "1.7976931348623159e308", "2e308",
                      "0x1p1023", "0x1p1024", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023",
                      "4.9e-324", "1e-400", "9223372036854775808", "18446744073709551616",
                      "0x8000000000000000", "0xffffffffffffffff", "0x10000000000000000",
                      "0o1777777777777777777777", "0o2000000000000000000000", "1e10000",
                      "0.000000000000000000000000000000000000001e400"])
    return sign + s


def gen_number_simple(r):
    return r.choice(["1", "2.5", "0x1p2", "1e3", "0", ".5", "1_0", "0b1", "0o7", "07", "1.", "0x1"])


def gen_string(r):
    if CLEAN:
        return r.choice(['"a"', '"%s"', '"\\n\\x41\\u00e9\\101"', "`raw\\q`", "'a'", "'\\n'",
                         "true", "nil", '""', "`}}`", '"{{"'])
    kind = r.randrange(4)
    if kind == 0:
        body = "".join(r.choice(["a", " ", "%s", "%.2f", "\\n", "\\\"", "\\'", "\\x41", "\\x4",
                                 "\\u00e9", "\\uD800", "\\U0001F600", "\\U00110000", "\\101", "\\400",
                                 "\\q", "\\\\", "é", "}}", "{{", "`"])
                       for _ in range(r.randint(0, 4)))
        return '"' + body + '"'
    if kind == 1:
        return "`" + "".join(r.choice(["a", "\\q", '"', "}}", "\n", "é"]) for _ in range(r.randint(0, 3))) + "`"
    if kind == 2:
        return "'" + r.choice(["a", "\\n", "\\'", '\\"', "\\x41", "\\u00e9", "\\q", "ab", "", "é",
                               "\\101", "\\400", "\\U0001F600", "\\uDFFF", "'", '"']) + "'"
    return r.choice(["true", "false", "nil"])


def gen_operand(r, depth):
    k = r.randrange(10)
    if k < 2:
        return pick(r, VARS)
    if k < 4:
        return r.choice(FIELDS)
    if k < 6:
        return gen_number(r)
    if k < 8:
        return gen_string(r)
    if k < 9 and depth < 3:
        return "(" + gen_pipeline(r, depth + 1) + ")"
    return pick(r, FUNCS)


def gen_command(r, depth):
    if r.random() < 0.6:
        parts = [pick(r, FUNCS)] + [gen_operand(r, depth) for _ in range(r.randint(0, 3))]
    else:
        parts = [gen_operand(r, depth)]
    return " ".join(parts)


def gen_pipeline(r, depth=0):
    decl = ""
    if CLEAN:
        return " | ".join([gen_command(r, depth)] + [pick(r, FUNCS) + (" " + gen_operand(r, depth) if r.random() < 0.5 else "")
                                                      for _ in range(r.randint(0, 2))])
    if r.random() < 0.15:
        decl = r.choice(["$x", "$y", "$i", "$labels"]) + r.choice([" := ", " = ", ":=", " , $e := "])
    cmds = [gen_command(r, depth) for _ in range(r.randint(1, 3))]
    return decl + " | ".join(cmds)


def gen_action(r, depth=0):
    k = r.randrange(14)
    ws = lambda: r.choice([" ", "", "  ", "\t", "\n"])
    left = r.choice(["{{", "{{", "{{- ", "{{ "])
    right = r.choice(["}}", "}}", " -}}", " }}"])
    if k < 5 or depth > 2:
        return left + ws() + gen_pipeline(r) + ws() + right
    body = lambda: gen_template(r, depth + 1, r.randint(0, 3))
    if k == 5:
        s = "{{ if " + gen_pipeline(r) + " }}" + body()
        if r.random() < 0.3:
            s += "{{ else if " + gen_pipeline(r) + " }}" + body()
        if r.random() < 0.4:
            s += "{{ else }}" + body()
        return s + r.choice(["{{ end }}", "{{end}}", "{{- end -}}"] + ([] if CLEAN else [""]))
    if k == 6:
        decl = r.choice(["", "$i, $e := ", "$e := "] + ([] if CLEAN else ["$i, $e, $f := ", "$i, "]))
        s = "{{ range " + decl + gen_pipeline(r) + " }}" + body()
        if r.random() < 0.3:
            s += r.choice(["{{ break }}", "{{ continue }}"])
        if r.random() < 0.3:
            s += "{{ else }}" + body()
        return s + r.choice(["{{ end }}"] + ([] if CLEAN else [""]))
    if k == 7:
        s = "{{ with " + gen_pipeline(r) + " }}" + body()
        if r.random() < 0.3:
            s += r.choice(["{{ else }}"] + ([] if CLEAN else ["{{ else with " + gen_pipeline(r) + " }}"])) + body()
        return s + r.choice(["{{ end }}"] + ([] if CLEAN else [""]))
    if k == 8:
        return "{{ define " + r.choice(['"a"', '"b"', "`a`"] + ([] if CLEAN else ["a"])) + " }}" + body() + "{{ end }}"
    if k == 9:
        return "{{ block " + r.choice(['"a"', '"b"']) + " " + gen_pipeline(r) + " }}" + body() + "{{ end }}"
    if k == 10:
        return "{{ template " + r.choice(['"a"', '"b"'] + ([] if CLEAN else ["a"])) + r.choice(["", " ."] + ([] if CLEAN else [" $x"])) + " }}"
    if k == 11:
        return r.choice(["{{/* c */}}", "{{- /* c */ -}}"] + ([] if CLEAN else ["{{/* c */ }}", "{{ /* c */}}"]))
    if k == 12 and not CLEAN:
        return r.choice(["{{ break }}", "{{ continue }}", "{{ end }}", "{{ else }}"])
    return "{{ " + r.choice(["$x", "$y", "$i"]) + " := " + gen_pipeline(r) + " }}"


def gen_template(r, depth=0, parts=None):
    n = parts if parts is not None else r.randint(1, 4)
    out = []
    for _ in range(n):
        if r.random() < 0.3:
            out.append(r.choice(["text ", "\n", " ", "é", "a}b", "x{y"]))
        else:
            out.append(gen_action(r, depth))
    return "".join(out)


MUTATIONS = ["{{", "}}", "(", ")", "|", "$", ".", "-", " ", "\n", "'", '"', "`", ":", "=", ",",
             "\\", "/*", "*/", "é", "\u00a0", "1", "x", "_", "+", "i", "e", "0x", "{{end}}", "{{else}}"]


def mutate(r, s):
    for _ in range(r.randint(1, 3)):
        if not s:
            s = r.choice(MUTATIONS)
            continue
        i = r.randrange(len(s))
        op = r.randrange(4)
        if op == 0:
            s = s[:i] + s[i + 1:]
        elif op == 1:
            s = s[:i] + r.choice(MUTATIONS) + s[i:]
        elif op == 2:
            s = s[:i] + s[i] + s[i:]
        else:
            j = r.randrange(len(s))
            s = s[:i] + s[j:j + r.randint(1, 4)] + s[i:]
    return s


def gen_soup(r):
    """Short random strings over the lexer's interesting characters."""
    alphabet = MUTATIONS + ["{{ ", " }}", "{{- ", " -}}", "x", "1", ".", "$", "0", "9", "8", "a",
                            "p", "o", "b", "\t", "\r", "if", "end", "else", "range", "break",
                            "define", "print", "\x01", "#", "!", "%"]
    return "".join(r.choice(alphabet) for _ in range(r.randint(1, 14)))


# --- Running promtool and the driver. -------------------------------------------------------

def yaml_quote(s):
    """A YAML double-quoted scalar holding exactly s."""
    out = ['"']
    for ch in s:
        c = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif c in (0x9, 0x20) or 0x21 <= c <= 0x7E or 0xA0 <= c <= 0xD7FF or 0xE000 <= c <= 0xFFFD and c != 0xFEFF:
            out.append(ch)
        elif 0x10000 <= c <= 0x10FFFF:
            out.append(ch)
        elif c <= 0xFFFF:
            out.append("\\u%04x" % c)
        else:
            out.append("\\U%08x" % c)
    out.append('"')
    return "".join(out)


PER_RULE = 50  # annotations per alerting rule


def run_promtool(templates, workdir, per_rule=PER_RULE):
    """Index -> promtool's error message, for the templates promtool rejects."""
    rejected = {}
    path = os.path.join(workdir, "rules.yml")
    rules = []
    for start in range(0, len(templates), per_rule):
        lines = ["  - alert: A%d" % (start // per_rule), "    expr: up == 0", "    annotations:"]
        for i in range(start, min(start + per_rule, len(templates))):
            lines.append("      t%06d: %s" % (i, yaml_quote(templates[i])))
        rules.append("\n".join(lines))
    with open(path, "w", encoding="utf-8") as f:
        f.write("groups:\n- name: g\n  rules:\n" + "\n".join(rules) + "\n")
    proc = subprocess.run(["promtool", "check", "rules", path], capture_output=True, text=True)
    pattern = re.compile(r'annotation "t(\d+)": (.*)$')
    output = proc.stdout + proc.stderr
    for line in output.splitlines():
        m = pattern.search(line)
        if m:
            rejected[int(m.group(1))] = m.group(2)
    if proc.returncode != 0 and not rejected:
        sys.exit("promtool failed without template errors:\n" + output[:2000])
    if proc.returncode == 0 and rejected:
        sys.exit("promtool passed yet printed errors")
    return rejected


def build_driver(workdir):
    exe = os.path.join(workdir, "check_driver")
    sources = [os.path.join(ROOT, "tests/gotemplate/check_driver.cpp"),
               os.path.join(ROOT, "lib/util/strings.cpp")]
    libdir = os.path.join(ROOT, "lib/gotemplate")
    sources += [os.path.join(libdir, f) for f in sorted(os.listdir(libdir)) if f.endswith(".cpp")]
    subprocess.run(["g++", "-std=c++20", "-O2", "-I", os.path.join(ROOT, "lib"), "-o", exe] + sources,
                   check=True)
    return exe


def run_driver(exe, templates, version, per_rule=PER_RULE):
    data = "".join("__alert_A%d\t%s\n" % (i // per_rule, t.encode("utf-8").hex())
                   for i, t in enumerate(templates))
    proc = subprocess.run([exe, version], input=data, capture_output=True, text=True, check=True)
    lines = proc.stdout.split("\n")[:-1]  # not splitlines(): messages may hold \x85 or \u2028
    if len(lines) != len(templates):
        sys.exit("check_driver gave %d verdicts for %d templates" % (len(lines), len(templates)))
    return lines


def corpus_templates():
    import yaml
    out = []
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "rules")
    for name in sorted(os.listdir(corpus)):
        if not name.endswith((".yml", ".yaml")):
            continue
        with open(os.path.join(corpus, name), encoding="utf-8") as f:
            try:
                docs = list(yaml.safe_load_all(f))
            except yaml.YAMLError:
                continue
        for doc in docs:
            if not isinstance(doc, dict):
                continue
            groups = doc.get("groups") or (doc.get("spec") or {}).get("groups") or []
            for group in groups:
                for rule in (group or {}).get("rules") or []:
                    if not isinstance(rule, dict) or "alert" not in rule:
                        continue
                    for key in ("labels", "annotations"):
                        for k, v in ((rule.get(key) or {}).items()):
                            if isinstance(v, str):
                                out.append((name, rule["alert"], k, v))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20000, help="generated templates")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--version", default="2.42", help="the version promtool is")
    parser.add_argument("--corpus", action="store_true")
    parser.add_argument("--show", type=int, default=30, help="disagreements to print")
    args = parser.parse_args()
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    print("seed %d (replay with --seed %d)" % (seed, seed))
    r = random.Random(seed)

    cases = [("hand", t) for t in HAND]
    cases += [("hand-mutated", mutate(r, t)) for t in HAND for _ in range(3)]
    cases += [("soup", gen_soup(r)) for _ in range(args.count // 2)]
    global CLEAN
    CLEAN = True
    cases += [("generated-clean", gen_template(r)) for _ in range(args.count // 2)]
    CLEAN = False
    for _ in range(args.count):
        t = gen_template(r)
        if r.random() < 0.5:
            cases.append(("generated-mutated", mutate(r, t)))
        else:
            cases.append(("generated", t))
    if args.corpus:
        for name, alert, key, value in corpus_templates():
            cases.append(("corpus", value))
    # YAML cannot carry some characters (lone surrogates, C0 controls other than tab and
    # newline would need escapes that promtool's loader handles anyway).
    cases = [(kind, t) for kind, t in cases if "\ufeff" not in t]

    templates = [t for _, t in cases]
    with tempfile.TemporaryDirectory() as workdir:
        rejected = run_promtool(templates, workdir)
        exe = build_driver(workdir)
        ours = run_driver(exe, templates, args.version)

    stats = {}
    disagreements = []
    for i, (kind, t) in enumerate(cases):
        theirs_ok = i not in rejected
        ours_ok = ours[i] == "ok"
        s = stats.setdefault(kind, [0, 0, 0])
        s[0] += 1
        if not theirs_ok:
            s[1] += 1
        if theirs_ok != ours_ok:
            s[2] += 1
            disagreements.append((kind, t, rejected.get(i, "ok"), ours[i]))
    total = sum(s[0] for s in stats.values())
    bad = sum(s[2] for s in stats.values())
    for kind, (n, invalid, differ) in sorted(stats.items()):
        print("%-18s %6d templates, %6d invalid per promtool, %4d disagreements" % (kind, n, invalid, differ))
    print("total %d, agreement %d/%d (%.3f%%)" % (total, total - bad, total, 100.0 * (total - bad) / total))
    for kind, t, theirs, mine in disagreements[: args.show]:
        print("\n[%s] %s\n  promtool: %s\n  caxtool:  %s" % (kind, json.dumps(t, ensure_ascii=False), theirs, mine))
    if args.corpus:
        # The corpus holds a few deliberately broken files (promtool's rules-bad.yml): those
        # must fail in both; every other template must pass.
        for i, (kind, t) in enumerate(cases):
            if kind == "corpus" and ours[i] != "ok":
                print("corpus template rejected (promtool: %s): %s\n  %s" % (
                    "rejects too" if i in rejected else "accepts", json.dumps(t), ours[i]))
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
