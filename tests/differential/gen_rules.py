#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""Random Prometheus rule files, valid and broken, for the differential test against promtool.

  python3 tests/differential/gen_rules.py SEED N OUTDIR

Writes OUTDIR/case-00000.yml ... and OUTDIR/manifest.tsv (file, tags). The same seed always
gives the same files. The files stay within what Prometheus 2.42 parses, plus deliberate faults:
each broken file carries (mostly) one fault, chosen from the PromQL grammar and type checker, the
Go templates of labels and annotations, the rule-file schema and the YAML layer, so that a check
that caxtool misses (or a false rejection) changes the file's verdict. Python standard library
only.
"""
import os
import random
import sys

# --- PromQL vocabulary (Prometheus 2.42) ------------------------------------------------------

V, M, S, STR = "v", "m", "s", "str"

# name: (argument types, variadic, return type); variadic as in functions.go.
FUNCS = {}
for _n in ("abs ceil floor exp sqrt ln log2 log10 sgn acos acosh asin asinh atan atanh cos cosh "
           "sin sinh tan tanh deg rad absent timestamp sort sort_desc histogram_count "
           "histogram_sum").split():
    FUNCS[_n] = ([V], 0, V)
for _n in ("absent_over_time present_over_time avg_over_time min_over_time max_over_time "
           "sum_over_time count_over_time stddev_over_time stdvar_over_time last_over_time "
           "changes delta deriv idelta increase irate rate resets").split():
    FUNCS[_n] = ([M], 0, V)
for _n in "day_of_month day_of_week day_of_year days_in_month hour minute month year".split():
    FUNCS[_n] = ([V], 1, V)
FUNCS.update({
    "clamp": ([V, S, S], 0, V), "clamp_max": ([V, S], 0, V), "clamp_min": ([V, S], 0, V),
    "histogram_fraction": ([S, S, V], 0, V), "histogram_quantile": ([S, V], 0, V),
    "holt_winters": ([M, S, S], 0, V),
    "label_replace": ([V, STR, STR, STR, STR], 0, V), "label_join": ([V, STR, STR, STR], -1, V),
    "predict_linear": ([M, S], 0, V), "quantile_over_time": ([S, M], 0, V),
    "round": ([V, S], 1, V), "scalar": ([V], 0, S), "vector": ([S], 0, V),
    "time": ([], 0, S), "pi": ([], 0, S),
})
FUNCS_BY_RET = {}
for _n, (_a, _v, _r) in FUNCS.items():
    FUNCS_BY_RET.setdefault(_r, []).append(_n)

# Functions and aggregations that only later versions know, or that never existed.
NEWER_FUNCS = {
    "histogram_stddev": "x", "histogram_stdvar": "x", "histogram_avg": "x",
    "sort_by_label": "x, \"job\"", "sort_by_label_desc": "x, \"job\"", "mad_over_time": "x[5m]",
    "info": "x", "double_exponential_smoothing": "x[5m], 0.5, 0.5",
    "ts_of_min_over_time": "x[5m]", "ts_of_max_over_time": "x[5m]",
    "ts_of_last_over_time": "x[5m]", "first_over_time": "x[5m]", "ts_of_first_over_time": "x[5m]",
    "histogram_quantiles": "x, \"q\", 0.5", "start_timestamp": "x", "limitk": "2, x",
    "limit_ratio": "0.5, x", "min_of": "1, 2", "max_of": "1, 2", "step": "", "range": "",
    "start": "", "end": "", "now": "", "rates": "x[5m]", "Rate": "x[5m]", "ABS": "x",
    "Sum_over_time": "x[5m]", "histogram": "x", "label_replace2": "x",
}

AGG_PLAIN = "sum avg count min max group stddev stdvar".split()
AGG_PARAM = {"topk": S, "bottomk": S, "quantile": S, "count_values": STR}

METRICS = ["up", "http_requests_total", "node_cpu_seconds_total", "node_load1", "x", "foo",
           "process_resident_memory_bytes", "job:http_requests:rate5m",
           "apiserver_request_duration_seconds_bucket",
           "a_b_c", "_hidden", "ns:metric", "go_goroutines", "rpc_latency_seconds", "m1"]
# Keywords that may stand as a metric name (grammar's metric_identifier), and a few that may not.
KEYWORD_METRICS = ["sum", "avg", "count", "min", "max", "by", "without", "offset", "start", "end",
                   "topk", "quantile", "group", "stddev", "count_values", "bottomk", "stdvar",
                   "and", "or", "unless"]
NON_METRICS = ["bool", "on", "ignoring", "group_left", "group_right", "atan2", "inf", "nan",
               "Inf", "NaN"]
LABELS = ["job", "instance", "le", "code", "method", "mode", "cpu", "env", "service", "a",
          "_x", "__meta", "region", "handler", "path"]
KEYWORD_LABELS = ["by", "on", "offset", "bool", "sum", "group_left", "ignoring", "without",
                  "and", "start", "end", "atan2", "topk", "inf", "nan", "Inf"]
# maybe_label keywords allowed in grouping lists.
GROUPING_KEYWORDS = ["avg", "bool", "bottomk", "by", "count", "count_values", "group",
                     "group_left", "group_right", "ignoring", "and", "or", "unless", "max",
                     "min", "offset", "on", "quantile", "stddev", "stdvar", "sum", "topk",
                     "start", "end", "atan2"]
GROUPING_BAD = ["a:b", "job:x", "\"job\"", "'job'", "\"a.b\"", "1a", "inf", "nan", "a-b", "$x",
                "without", "Inf", "0x1"]

WORDS = ["foo", "bar", "prod", "api", "500", "GET", "a b", "x.y", "ünï", "日本", "😀", "",
         "a,b", "{x}", "a=b", "#", "~", "$1"]

REGEX_GOOD = [".*", ".+", "foo|bar", "a.*b", "[a-z]+", "\\d+", "(?i)foo", "^foo$", "x{2,3}",
              "[[:alpha:]]+", "\\.", "(a|b)c?", "", "a|", "(?s).", "\\pL+", "\\p{Greek}",
              "[^a]", "(?:a)+", "(?P<name>a)", "a{0}", "\\Qa.b\\E", "\\bfoo\\b", "5..",
              "(?m)^a$", "a{,3}", "[\\d\\s]", "\\x41", "\\x{263a}", "[a-]", "(?U)a+",
              "a{2}", "\\A\\z", "日本.*", "[]a]", "\\$", "\\n", "(?i:A)b",
              "\\p{^L}", "\\PL", "[[:^digit:]]", ".{0,10}", "\\v", "a{1000}", "(|a)", "a+?",
              "a|b|c|d", "2..|3..", "foo.*|.*bar"]
REGEX_BAD = ["(", ")", "[a-", "*", "a**", "+a", "?", "x{1001}", "a{2,1}", "(?=a)", "(?!a)",
             "(?<=a)", "\\1", "\\Z", "[z-a]", "(?P<n>a)(?P<n>b)", "\\8", "(?i", "[[:foo:]]",
             "\\p{Foo}", "\\x{110000}", "(?<n>a)", "a{1001,}", "(?P<>a)", "(?P<1a>b)",
             "\\C", "[", "a)", "(?z)", "**", "a|*", "\\", "\\q", "(?P=n)", "x{2}{3}*",
             "\\pX", "[a-\\d]", "(a))", "((a)", "a++?", "a**?", "x{2}+"]
# Regexes of matchers that match the empty string (for the non-empty-matcher rule).
REGEX_EMPTY = [".*", "", "a|", "a*", "(|a)", "x?", ".{0,10}", "(?:)", "^$", "a{0}", "foo|.*"]
REGEX_NONEMPTY = [".+", "foo|bar", "a+", "[a-z]+", "x", ".", "\\d+", "a.*"]

DUR_GOOD = ["5m", "1h30m", "1y", "2w", "1d", "500ms", "90s", "1h0m", "1y2w3d4h5m6s7ms", "10m",
            "1m", "30s", "15s", "6h", "1d12h", "100ms", "1w", "60s", "3600s", "2h",
            "999999999s"]
DUR_BAD = ["0s", "0m", "0h", "5m1h", "1hs", "5", "5.5m", "1.5h", "-5m", "5M", "5H", "1m1m",
           "5mm", "1y1y", "5x", "m", "0", "0ms", "5m 1s", "5 m", "1e3s", "0x10s", "5_0m",
           "300", "1d1w", "1ms1s", "99999999999999999999y"]
AT_GOOD = ["1609746000", "1609746000.123", "0", "-100", "start()", "end()", "1e3", "0x10",
           "+5", "1.5", "-1e3", "10000000000"]
AT_BAD = ["Inf", "-Inf", "NaN", "1e30", "5m", "start", "now()", "\"1\"", "end( )x", "start(1)",
          "time()", "9.3e18", "x", ""]

NUM_GOOD = ["1", "0", "1.5", ".5", "5.", "1e3", "1E-3", "1.5e+2", "0x1F", "0X1f", "010", "08",
            "09.5", "Inf", "inf", "+Inf", "-Inf", "NaN", "nan", "NAN", "INF",
            "123456789012345678901234567890", "0.0001", "2", "10", "100", "0.5", "42",
            "1e308", "1e-320", "0x7fffffffffffffff", "00", "1e+3"]
NUM_BAD = ["1_000", "0x", "1e", "1.2.3", "0xg1", "5m", "1e3.5", "0b101", "0o17", "1..2",
           "1e+", "0x1p3", "1ee3", ".", "1.5.", "0x1.8", "1i", "infinity", "Infx", "12abc",
           "1__0", "0x_1", "0xffffffffffffffff", "0x10000000000000000", "0x8000000000000000"]

STRING_ESC_GOOD = {
    '"': ["\\n", "\\t", "\\\\", "\\\"", "\\x41", "\\u00e9", "\\U0001F600", "\\101", "\\a",
          "\\b", "\\f", "\\r", "\\v", "\\377", "\\uFFFD", "\\x7f"],
    "'": ["\\n", "\\t", "\\\\", "\\'", "\\x41", "\\u00e9", "\\101", "\\U0010FFFF"],
}
STRING_ESC_BAD = {
    '"': ["\\c", "\\'", "\\x4g", "\\400", "\\ud800", "\\U00110000", "\\u12", "\\8", "\\ ",
          "\\z", "\\x", "\\u", "\\e", "\\%", "\\0", "\\01", "\\uDFFF"],
    "'": ["\\c", "\\\"", "\\x4g", "\\400", "\\ud800", "\\U00110000", "\\u12", "\\8", "\\ ",
          "\\?"],
}

STRAY = [")", "(", "]", "}", "{", ",", ";", "!", "$", "?", "~", "=", "==", "@", "offset", "by",
         "bool", "\"", "'", "`", "\\", "[", ":", "::", "=~", "!~", "on", "and", "1", "x", "5m",
         ".", "|", "&", "^", "%", "{}", "()", "[5m]", "!=", "*", "<", "#", "\x00", "\x01", "\x0c",
         "\x0b", "\u00a0", "\u2028", "\ufeff", "\x7f", "\u200b", "\r", "\t", "é"]

# Syntax that later versions accept and 2.42 rejects.
NEWER_SYNTAX = [
    "foo[5m+1m]", "rate(foo[5m] anchored)", "foo smoothed", "foo offset 1", "foo[300]",
    "rate(foo[1])", "1_000 * foo", "foo @ 5m", "time() - foo > 10m", "foo + fill(0) bar",
    "{\"foo.bar\"}", "{\"foo.bar\", job=\"x\"}", "foo{\"a.b\"=\"x\"}", "sum by (\"a.b\") (foo)",
    "sum without (\"job\") (foo)", "foo </ bar", "foo >/ bar", "foo[5m:step()]",
    "foo offset step()", "time() - start()", "foo[(5m)]", "{\"a b\"=~\"x\"}",
    "foo[1m:30]", "foo offset -2^2", "foo[min(5m, 1h)]", "limitk(2, foo)", "foo[5m] offset 1.5",
    "sum by (a.b) (foo)", "foo{a.b=\"x\"}", "holt_winters(foo[5m], 0.5, 0.5) offset 10",
]

# Hand-picked expressions at the edges of the 2.42 grammar, valid and not. One per line; "⏎"
# stands for a line break inside an expression.
EDGE_PROMQL = [e.replace("⏎", "\n") for e in r"""
foo[5m x 1m]
foo[5m y 1m]
foo[5m x]
foo[5m:1m x]
foo[5mx]
foo[5m:x]
foo[5m:1m:]
-2^2
2^-1
- -1
-+-1
+Inf
- Inf
1 + -2
1 - - 2
-foo
--foo
+foo
sum(x) by (a) + 1
sum by (a) (x) by (b)
x offset 5m @ 100
x @ 100 offset 5m
rate(x[5m] offset 1m @ end())
x[5m] offset 1m [5m:]
(x)[5m:]
x[5m:][5m:]
sum(x)[5m:1m] offset 1h
x @ start() @ end()
1 @ 100
"a" @ 100
x @ -1.5
x @ 1e10
x @ 9223372036854775
x @ 9223372036854776
x @ 9223372036854775807
x @ -9223372036854775
x @ 0x7fffffff
x @ 1e-320
x @ -0
x offset 1y1d
x offset 1d1y
x offset 5m1h
foo and on() bar
foo and ignoring() bar
foo + on() group_left() bar
foo + on(a) group_left(a) bar
foo + ignoring(a) group_left(a) bar
foo + on(a, b) group_right(c, a) bar
foo + on(a) group_left(b) group_right(c) bar
foo == bool 1
1 == bool 1
1 == 1
1 > bool 2 > bool 3
foo > on(a) bool bar
foo > bool on(a) bar
foo + bool bar
foo and bool bar
foo or bool 1
count_values("x", foo)
count_values(x, foo)
count_values("", foo)
count_values("a b", foo)
topk(1, foo) by (a)
topk by (a) (1, foo)
topk(1.5, foo)
topk("1", foo)
topk(foo, 1)
quantile(0.5, foo, bar)
quantile(foo)
sum()
sum(foo, bar)
sum(1)
sum("a")
sum(foo[5m])
label_replace(foo, "a", "$1", "b", "(.*)")
label_replace(foo, "a", "$1", "b", "(")
label_replace(foo, "a b", "$1", "b", "x")
label_replace(foo, "a", "$1", "b")
label_join(foo, "a", ",")
label_join(foo, "a", ",", "b", "c", "d")
label_join(foo, "a")
round(foo)
round(foo, 2)
round(foo, 2, 3)
round(foo, "2")
time()
time(1)
pi()
pi(1)
vector(time())
vector(foo)
scalar(foo)
scalar(1)
absent(foo{a="b"})
absent_over_time(foo[5m])
absent()
hour()
day_of_week(foo)
hour(foo, bar)
month(1)
holt_winters(foo[5m], 0.5, 0.5)
holt_winters(foo, 0.5, 0.5)
holt_winters(foo[5m], 0.5)
histogram_quantile(0.9, sum(rate(foo_bucket[5m])) by (le))
histogram_quantile(0.9, foo_bucket[5m])
histogram_fraction(0, 1, foo)
histogram_fraction(0, foo)
histogram_count(foo)
histogram_sum(foo[5m])
clamp(foo, 0, 1)
clamp(foo, 0)
clamp_min(foo, foo)
predict_linear(foo[5m], 3600)
predict_linear(foo[5m], foo)
quantile_over_time(0.5, foo[5m])
quantile_over_time(foo[5m], 0.5)
sort(foo)
sort_desc(foo[5m])
timestamp(foo)
timestamp(foo[5m])
rate(foo)
rate(foo[5m], 1)
rate()
rate(foo[5m:])
rate(foo[5m:1m])
rate(sum(foo)[5m:1m])
rate((foo)[5m])
rate(foo offset 1m [5m])
rate(foo @ 100 [5m])
rate(foo[5m] offset 1m offset 2m)
rate(foo[5m] @ 100 @ 200)
foo{}
{}
{,}
foo{,}
foo{a="b",}
foo{,a="b"}
foo{a="b",,}
foo{a="b" b="c"}
foo{a}
foo{a=}
foo{="b"}
foo{a="b"}{c="d"}
foo{a=~"b"}[5m]
{__name__="foo"}
{__name__=~"foo|bar"}
{__name__!="foo"}
{__name__=""}
{__name__=~".*"}
{__name__=~".+"}
{__name__!~".*"}
{a!=""}
{a=~".+"}
{a!~""}
{a=~"a|"}
{a="", b="c"}
{a=~".*", b=~".*"}
foo{__name__="foo"}
foo{__name__=~"foo"}
{__name__="a", __name__="b"}
foo{a=~"(?i)FOO"}
on{a="b"}
bool{a="b"}
offset{a="b"}
by{a="b"}
sum{a="b"}
count{a="b"}[5m]
without
sum
by
offset
start
end
start{a="b"}
end[5m]
group_left
ignoring{a="b"}
atan2
foo:bar
:foo
foo:
a::b
foo bar
foo,bar
foo;
1 2
(1)
((1))
(((foo)))
(foo
foo)
foo[5m
foo]
foo{
foo}
foo[5m][5m]
foo[[5m]]
foo[1m:1m:1m]
foo[1m:]
foo[:1m]
foo[:]
foo[0s:1m]
foo[1m:0s]
foo[1ms]
foo[1y]
foo[100000000y]
foo[300000y]
foo[292y]
foo[106751d]
foo[106752d]
foo[15250w]
foo offset 100000000y
foo offset 300y
1e-400
1e400
-1e400
1e308
1.7976931348623157e308
1.8e308
0x1p3
.5e3
5.e3
5e
5e+
.e3
0777
0999
0779
0xABCDEF
0xabcdefg
0x
0X0
Inf
-Inf
+inf
InF
NaN
nAn
Infinity
nan_count
inf_total
Inf{a="b"}
NaN[5m]
"\x41"
'\''
"\'"
'\"'
`\x`
"\u00e9"
"\U0001F600"
"\uD800"
"\777"
"\08"
"\0"
"\000"
"\377"
"\400"
"\xff"
"\xFF\xFE"
'\xc3\xa9'
"a\⏎b"
"日本"
`a⏎b`
""
''
``
foo{a="b"} ÷ 2
foo{a="b"}#comment
foo{#comment⏎a="b"}
foo[5m#c⏎]
foo # c1⏎# c2⏎+ bar
sum without() (foo)
sum by() (foo)
sum BY (a) (foo)
SUM(foo)
Sum(foo)
sum by(a,)(foo)
sum by(,a)(foo)
sum by (a) (foo) without (b)
sum(foo) by (a) by (b)
sum(foo) by
by (a) sum(foo)
sum by (a) by (b) (foo)
sum by (__name__) (foo)
sum by (le, le) (foo)
foo and 1
1 and foo
foo or vector(1)
foo unless on(a) group_left bar
foo and on(a) group_right(b) bar
foo atan2 bar
1 atan2 2
foo atan2 bool bar
foo ^ bar ^ baz
2 ^ 3 ^ 2
foo % 0
1 / 0
-foo[5m]
-"a"
foo + "a"
"a" + "b"
"a" == bool "b"
foo > bool 1 == bool 0
1 < bool 2 and 3
foo @ start()
foo @ start( )
foo @ start(1)
foo @ START()
foo @ End()
foo offset -5m @ end()
foo offset 5m [5m:]
max_over_time(foo[5m:] offset 1m)
time() offset 5m
(foo offset 5m)[5m]
(foo)[5m]
(foo) offset 5m
sum(foo) offset 5m
sum(foo)[5m:] offset 5m
foo offset 5m offset 5m
foo offset -0s
foo offset 0s
foo offset -1s
foo offset +1s
foo offset - 1s
absent(nonexistent)
foo == on() bar
foo == ignoring() bool bar
foo + on (a) group_left (b) bar
foo + On(a) Group_Left(b) bar
foo AND bar
foo Or bar
foo UNLESS bar
foo Offset 5m
foo OFFSET 5m
foo + on(a)group_left bar
foo+on(a)bar
foo/on(a)bar
foo+ignoring(a)group_right(b)bar
foo@100
foo@start()
foo offset5m
foo[5m]offset 1m
foo{a="b"}offset 1m
foo{a="b"}@100
foo{a='b'}
foo{a=`b`}
foo{a="b"c="d"}
foo{a='b"}
foo{a="\""}
foo{a='\''}
foo{a=`\``}
foo{a="b\\"}
foo{a!~`\d+`}
foo{a=~"\\d+"}
foo{a=~"\d+"}
foo{a=~'[[:alpha:]]'}
foo{a=~"\\p{L}"}
foo{a=~"(?P<n>x)"}
foo{a=~"(?<n>x)"}
foo{a=~"\\C"}
foo{a=~"x{1000}"}
foo{a=~"x{1001}"}
foo{a=~"(x{100}){100}"}
foo{a=~"((((((((((x))))))))))"}
foo{a=~"\\Q(\\E"}
foo{a=~"[\\x{10FFFF}]"}
foo{a=~"\\x{110000}"}
foo{a=~"\\z"}
foo{a=~"\\Z"}
foo{a=~"(?i)(?s)(?m)(?U)x"}
foo{a=~"(?-i)x"}
foo{a=~"(?i-s:x)"}
foo{a=~"(?P<a>x)(?P<a>y)"}
foo{a=~"\\pN"}
foo{a=~"\\p{Han}"}
foo{a=~"\\p{IsHan}"}
foo{a=~"[[:word:]]"}
foo{a=~"[[:^space:]]"}
foo{a=~"[^\\x00-\\x{10FFFF}]"}
foo{a=~"a{,5}"}
foo{a=~"a{5,}"}
foo{a=~"a{5"}
foo{a=~"a{}"}
foo{a=~"{"}
foo{a=~"}"}
foo{a=~"]"}
foo{a=~"\\]"}
foo{a=~"\\e"}
foo{a=~"\\G"}
foo{a=~"\\X"}
foo{a=~"\\R"}
foo{a=~"\\h"}
foo{a=~"\\0"}
foo{a=~"\\01"}
foo{a=~"\\012"}
foo{a=~"\\x4"}
foo{a=~"\\x{4"}
foo{a=~"[a-b-c]"}
foo{a=~"[\\d-z]"}
foo{a=~"[a-\\d]"}
foo{a=~"(?i)\\Q*\\E"}
foo{a=~"\\Qab"}
foo{a=~"x**"}
foo{a=~"x++"}
foo{a=~"x??"}
foo{a=~"x*?+"}
foo{a=~"(*)"}
foo{a=~"(|)"}
foo{a=~"^"}
foo{a=~"$"}
foo{a=~"\\b"}
foo{a=~"\\B"}
foo{a=~"(?:)"}
foo{a=~"()"}
foo{a=~"(?"}
foo{a=~"(?:"}
foo{a=~"(?P"}
foo{a=~"(?P<"}
foo{a=~"(?P<n"}
foo{a=~"(?P<n>"}
foo{a=~"(?#comment)"}
foo{a=~"[[.a.]]"}
foo{a=~"[[=a=]]"}
foo{a=~"\\1"}
foo{a=~"\\k<n>"}
{a=~"\\b"}
{a=~"^$"}
{a=~"(?:)"}
{a=~"x?"}
{a=~"x*y*"}
{a=~"\\A"}
{a=~"a|b|"}
{a!~"a"}
{a!~".+"}
{a!="a", b!~"b"}
""".strip("\n").split("\n")]

# --- Go template vocabulary --------------------------------------------------------------------

TPL_FUNCS = ["humanize", "humanize1024", "humanizeDuration", "humanizePercentage",
             "humanizeTimestamp", "toUpper", "toLower", "title", "safeHtml", "stripPort",
             "stripDomain", "toTime", "parseDuration", "js", "html", "urlquery", "len", "print",
             "println", "pathPrefix", "externalURL", "args", "graphLink", "tableLink"]
TPL_BAD_FUNCS = ["now", "toDuration", "urlQueryEscape", "tmpl", "humanise", "foo", "upper",
                 "Humanize", "query_range", "template_func", "default", "sprintf"]
TPL_BAD_VARS = ["$nope", "$label", "$Labels", "$values", "$1", "$externalUrl", "$annotations",
                "$value2", "$_"]

TPL_GOOD = [
    "{{ $labels.instance }}", "{{ $value }}", "{{ $value | humanize }}",
    "{{ printf \"%.2f\" $value }}", "{{ .Labels.job }}", "{{ $externalLabels.cluster }}",
    "{{ $externalURL }}", "{{ humanizeDuration $value }}", "{{ $value | humanizePercentage }}",
    "{{ if gt $value 1.0 }}high{{ else }}low{{ end }}",
    "{{ if eq $labels.job \"x\" }}a{{ else if ne $labels.job \"y\" }}b{{ end }}",
    "{{ range query \"up\" }}{{ .Labels.instance }} {{ .Value }}{{ end }}",
    "{{ range $i, $e := query \"up\" }}{{ $i }}{{ $e.Labels.job }}{{ end }}",
    "{{ with query \"up\" }}{{ . | first | value }}{{ else }}none{{ end }}",
    "{{ $x := 1 }}{{ $x }}", "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "{{/* a comment */}}",
    "{{- /* trimmed */ -}}", "{{- $value -}}", "{{ 'a' }}", "{{ `raw \\q` }}",
    "{{ \"a\\\"b\\n\" }}", "{{ template \"x\" }}", "{{ range . }}{{ break }}{{ end }}",
    "{{ range . }}{{ continue }}{{ end }}", "{{ index $labels \"job\" }}",
    "{{ reReplaceAll \"(.*)\" \"$1\" $labels.instance }}", "{{ match \"a.*\" $labels.job }}",
    "{{ label \"job\" (first (query \"up\")) }}", "{{ args 1 2 }}", "{{ 0x1F }} {{ 1e3 }}",
    "{{ -3 }}", "{{ true }} {{ nil | print }}", "{{ .Labels.job | printf \"%s\" | toUpper }}",
    "{{ print (print (print 1)) }}", "{{ humanize1024 1024 }}", "{{ toTime $value }}",
    "{{ sortByLabel \"x\" (query \"up\") }}", "{{ strvalue (first (query \"up\")) }}",
    "{{ printf \"%s\" . }}", "{{ 1+2i }}", "{{ 0b101 }} {{ 0o17 }} {{ 1_000 }}",
    "{{ if and 1 2 }}{{ end }}", "{{ with $y := $value }}{{ $y }}{{ end }}",
    "{{ range $k, $v := $labels }}{{ $k }}={{ $v }},{{ end }}", "{{ len $labels }}",
    "{{ slice \"abc\" 1 }}", "{{ (print 1).Foo }}", "{{ $labels.a.b }}", "{{ '\\n' }}",
    "{{\n$value\n}}", "{{ print 1 -}}\n  x", "{{ call .X }}", "{{ not true }}",
    "{{ if 1 }}{{ else if 2 }}{{ else }}{{ end }}", "{{ $value | printf \"%.2f\" | printf \"%s%%\" }}",
]
TPL_BAD = [
    "{{ $x }}", "{{ humanise $value }}", "{{ now }}", "{{ toDuration 1 }}",
    "{{ urlQueryEscape \"x\" }}", "{{ tmpl \"x\" . }}", "{{ $value ", "{{ if 1 }}a",
    "{{ end }}", "{{ else }}", "{{ | print }}", "{{ print | 1 }}", "{{ }}", "{{/* unclosed",
    "{{/* c */ x}}", "{{ print @ }}", "{{ \"\\q\" }}", "{{ `unterminated }}", "{{ 'ab' }}",
    "{{ break }}", "{{ continue }}", "{{ if 1 }}{{ else with 2 }}{{ end }}",
    "{{ with 1 }}{{ else with 2 }}{{ end }}", "{{ range $x, $y, $z := . }}{{ end }}",
    "{{ $x, $y := 1 }}", "{{ if 1 }}{{ $y := 1 }}{{ end }}{{ $y }}", "{{ if }}{{ end }}",
    "{{ if 1 }}{{ else }}{{ else }}{{ end }}", "{{ define x }}{{ end }}", "{{ template nope }}",
    "{{ 1x }}", "{{ 0x }}", "{{ 1e }}", "{{ \"unterminated }}", "{{ print (1 }}",
    "{{ print 1) }}", "{{ 'a }}", "{{ '' }}", "{{ print \"a\"\"b\" }}", "{{ $x := $x }}",
    "{{ $labels := 1 }}{{ $labels.job }}", "{{ $x = 1 }}", "{{ \"x\".Foo }}",
    "{{ 1.Foo }}", "{{ print ; }}", "{{ print é }}", "{{ 99999999999999999999999 }}",
    "{{ define \"a\" }}a{{ end }}{{ define \"a\" }}b{{ end }}", "{{ if 1 }}{{ define \"x\" }}{{ end }}{{ end }}",
    "{{ $x :1 }}", "{{ range $x, 1 }}{{ end }}", "{{ print 1 }", "{{{{", "{{ nil }}",
    "{{ range . }}{{ break 1 }}{{ end }}", "{{ (print 1 }}", "{{ print\n", "{{ 'x\\z' }}",
    "{{ \"\\400\" }}", "{{ '\\uD800' }}", "{{ 08 }}", "{{ -}}", "{{-", "{{ print .Labels\"b\" }}",
    "{{ print a+1 }}", "{{ template }}", "{{ block }}", "{{ define }}",
]

BUILTIN_VARS = frozenset(["$labels", "$value", "$externalLabels", "$externalURL", "$"])

# --- Rule-file vocabulary ----------------------------------------------------------------------

RECORD_GOOD = ["job:http_requests:rate5m", "a", "a:b", "node:cpu:sum", "_x", ":a", "a:", "x_1",
               "__name__", "instance:up:count", "rule_name", "A", "level:metric:operation",
               "__", "ns:x:y:z"]
RECORD_BAD = ["1abc", "a-b", "a.b", "a b", "é", "a{b}", "a{job=\"x\"}", "rate(x)", "-a",
              "a/b", "a b:c", "ünicode", "x\ty", "0", "a$", "foo{}"]
LABEL_NAME_GOOD = ["severity", "team", "job", "__x", "_", "a1", "A_B", "priority", "le",
                   "runbook", "page", "__meta_x"]
LABEL_NAME_BAD = ["__name__", "1a", "a-b", "a.b", "é", "a:b", "a b", "0", "-", "a/b",
                  "severity!", "$x"]
ALERT_NAMES = ["HighErrorRate", "InstanceDown", "a", "Alert with spaces", "x-y.z",
               "日本", "a{b}", "0", "DiskFull", "TargetMissing", "{{ $labels.x }}",
               "quo\"te", "100", "true", "HighLatency"]
DUR_YAML_GOOD = ["1m", "5m", "0s", "0", "1h30m", "10s", "1d", "2w", "1y", "500ms", "\"5m\"",
                 "'10m'", "1h0m0s", "30m", "15s", "1h60m", "292y", "106751d", "00m", "1y1w1d1h1m1s1ms",
                 "!!str 5m", "60000ms"]
DUR_YAML_BAD = ["5", "abc", "-1m", "1.5h", "5m1h", "[1m]", "{a: 1m}", "1hs", "\"\"", "5 m",
                "1M", "true", "1e3", "0x10", "- 5m", "1m1m", "99999999999999999999y", "0.0",
                "00", "+5m", "5S", "293y", "106752d", "9223372036854775807ms", "1h60m60s", "-0", "01m",
                "0x", "!!binary eA==", "!!binary bad!", "!!binary NW0="]
LIMIT_GOOD = ["5", "0", "-1", "100", "0x10", "0o17", "+3", "1_000", "0b11", "10", "-0",
              "~", "null", "9223372036854775807", ".5", "1e-1", "0.", "+.5", "1e3", "100.0",
              "1__0", "0_", "!!float 1", "!!int 1"]
LIMIT_BAD = ["abc", "1.5", "\"5\"", "'10'", "[1]", "{a: 1}", "1e3", "true", "5m", "99999999999999999999",
             ".inf", "0x", "\"\"", "9223372036854775808",
             "_1", "_", "1e19", "-9223372036854775808", "-9223372036854775809", ".nan", "0x1p4", "1:30", "!!str 1", "0b", "0x8000000000000000"]

# Label or annotation values written as raw YAML: other types, tags, !!binary (base64 of "hello",
# "\xff", "\xc3(", "{{ $x }}", "{{ $value }}", and not base64 at all).
LABEL_VALUES_RAW = ["1", "true", "null", "~", "1.5", "[]", "{}", "[a]", "0x10", "2001-01-01", ".nan",
                    "'x'", "|\n        x", "&a x", "!!binary aGVsbG8=", "!!binary /w==", "!!binary wyg=",
                    "!!binary e3sgJHggfX0=", "!!binary e3sgJHZhbHVlIH19", "!!binary bad!"]

GROUP_NAMES = ["example", "alerts", "recording", "g", "node.rules", "k8s", "a b", "日本",
               "x-y", "123", "rules:1", "{{x}}", "#hash", "true"]
UNKNOWN_RULE_KEYS = ["exprs", "annotation", "label", "description", "Expr", "summary",
                     "keep_firing", "interval", "name", "record_name", "severity", "query",
                     "for_", "alerts", "limit"]
UNKNOWN_GROUP_KEYS = ["query_offset", "labels", "partial_response_strategy", "rule",
                      "Rules", "evaluation_interval", "Name", "expr", "alert", "source_tenants"]
UNKNOWN_TOP_KEYS = ["group", "rules", "Groups", "name", "version", "metadata", "apiVersion",
                    "spec", "namespace"]


# --- Small YAML node model and emitter ---------------------------------------------------------

class Str:
    """A string scalar; the emitter picks a style (plain, quotes, block) that keeps its value."""

    def __init__(self, s, styles=None):
        self.s = s
        self.styles = styles


class Raw:
    """Verbatim YAML scalar text (for wrong types, flow collections, tags...)."""

    def __init__(self, text):
        self.text = text


class Map:
    """A mapping as a list of (key, value) pairs; duplicate keys allowed."""

    def __init__(self, items=None, flow=False):
        self.items = list(items or [])
        self.flow = flow

    def get(self, k):
        for kk, vv in self.items:
            if kk == k:
                return vv
        return None

    def set(self, k, v):
        for i, (kk, _) in enumerate(self.items):
            if kk == k:
                self.items[i] = (k, v)
                return
        self.items.append((k, v))

    def remove(self, k):
        self.items = [(kk, vv) for kk, vv in self.items if kk != k]


class Seq:
    def __init__(self, items=None, flow=False):
        self.items = list(items or [])
        self.flow = flow


NULLS = {"null", "Null", "NULL", "~", ""}
INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")


def plain_ok(s, flow=False):
    if s in NULLS or s != s.strip() or "\n" in s or "\r" in s:
        return False
    if s[0] in INDICATORS or s.startswith("---") or s.startswith("..."):
        return False
    if ": " in s or " #" in s or "\t#" in s or s.endswith(":") or ":\t" in s:
        return False
    if flow and any(c in s for c in ",[]{}"):
        return False
    if any(ord(c) < 32 and c != "\t" or c in "\x7f\ufeff\x85\u2028\u2029" for c in s):
        return False
    if "\t" in s:
        return False
    return True


def yaml_printable(s):
    return all(c in "\t\n" or (32 <= ord(c) and c not in "\x7f\ufeff\x85\u2028\u2029"
                               and not 0x80 <= ord(c) < 0xa0 and not 0xd800 <= ord(c) < 0xe000)
               for c in s)


def dq(s, r):
    out = []
    for c in s:
        o = ord(c)
        if c == "\\":
            out.append("\\\\")
        elif c == '"':
            out.append('\\"')
        elif c == "\n":
            out.append("\\n")
        elif c == "\t":
            out.append("\\t" if r.random() < 0.5 else "\t")
        elif o < 32 or o == 0x7f or 0x80 <= o < 0xa0 or c in "\ufeff\u2028\u2029":
            out.append("\\x%02x" % o if o < 256 else "\\u%04x" % o)
        elif r.random() < 0.003 and o < 128 and c.isalpha():
            out.append("\\x%02x" % o)
        elif r.random() < 0.1 and o > 127 and o < 0x10000:
            out.append("\\u%04x" % o)
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


class Emitter:
    def __init__(self, r):
        self.r = r
        self.w = r.choice([2, 2, 2, 4, 3])
        self.seq_indent = r.random() < 0.5  # "key:\n  - item" rather than "key:\n- item"
        self.lines = []

    def scalar_inline(self, v, flow):
        """The one-line text of a scalar, or None when it needs a block style."""
        if isinstance(v, Raw):
            return v.text
        if v is None:
            return self.r.choice(["", "null", "~"]) if not flow else "null"
        if isinstance(v, bool):
            return "true" if v else "false"
        if isinstance(v, int):
            return str(v)
        s = v.s
        styles = v.styles or ["plain", "plain", "plain", "dq", "dq", "sq", "block"]
        style = self.r.choice(styles)
        if style == "plain" and not plain_ok(s, flow):
            style = "dq"
        if style == "sq" and ("\n" in s or not yaml_printable(s) or "\t" in s):
            style = "dq"
        if style == "block" and flow:
            style = "dq"
        if style == "plain":
            return s
        if style == "sq":
            return "'" + s.replace("'", "''") + "'"
        if style == "dq":
            return dq(s, self.r)
        return None  # block

    def block_scalar(self, s, indent):
        """Lines of a literal or folded block scalar for value s, content at indent."""
        r = self.r
        if not yaml_printable(s) or "\t" in s.split("\n")[0][:1]:
            return None
        lines = s.split("\n")
        trailing = 0
        while len(lines) > 1 and lines[-1] == "":
            lines.pop()
            trailing += 1
        if any(l.strip() == "" and l != "" for l in lines) or lines[-1] == "":
            return None
        chomp = "-" if trailing == 0 else "" if trailing == 1 else "+"
        need_ind = any(l.startswith(" ") or l.startswith("\t") for l in lines)
        folded = not need_ind and r.random() < 0.3 and all(l.strip() for l in lines)
        if folded and len(lines) > 1:
            # Folding turns single line breaks into spaces; keep the value by doubling them.
            body = []
            for i, l in enumerate(lines):
                body.append(l)
                if i != len(lines) - 1:
                    body.append("")
            lines = body
        head = (">" if folded else "|") + (str(self.w) if need_ind else "") + chomp
        if r.random() < 0.1:
            head += " # comment"
        return head, [(" " * indent + l) if l else "" for l in lines]

    def key_text(self, k, flow=False):
        if isinstance(k, Raw):
            return k.text
        if plain_ok(k, flow) and not k[:1].isdigit() or (k and k.isdigit() and self.r.random() < 0.5):
            return k
        return dq(k, self.r) if self.r.random() < 0.6 or "\n" in k else "'" + k.replace("'", "''") + "'"

    def flow_text(self, v):
        if isinstance(v, Map):
            inner = ", ".join(self.key_text(k, True) + ": " + self.flow_text(x) for k, x in v.items)
            return "{" + inner + "}"
        if isinstance(v, Seq):
            return "[" + ", ".join(self.flow_text(x) for x in v.items) + "]"
        t = self.scalar_inline(v, True)
        return t

    def emit_value(self, prefix, v, indent):
        """Emit `prefix` (e.g. "key:" or "-") followed by value v at indent (column of prefix)."""
        pad = " " * indent
        if isinstance(v, (Map, Seq)) and (v.flow or not v.items):
            self.lines.append(pad + prefix + " " + self.flow_text(v))
            return
        if isinstance(v, Map):
            if prefix == "-":
                # "- k: v" with following keys aligned after the dash.
                first = True
                for k, x in v.items:
                    if first:
                        self.emit_value_compact(pad + "- ", indent + 2, k, x)
                        first = False
                    else:
                        self.emit_value(self.key_text(k) + ":", x, indent + 2)
                return
            self.lines.append(pad + prefix)
            for k, x in v.items:
                self.emit_value(self.key_text(k) + ":", x, indent + self.w)
            return
        if isinstance(v, Seq):
            self.lines.append(pad + prefix)
            ind = indent + (self.w if self.seq_indent or prefix == "-" else 0)
            for x in v.items:
                self.emit_value("-", x, ind)
            return
        t = self.scalar_inline(v, False)
        if t is None:
            b = self.block_scalar(v.s, indent + self.w)
            if b is None:
                t = dq(v.s, self.r)
            else:
                head, lines = b
                self.lines.append(pad + prefix + " " + head)
                self.lines.extend(lines)
                return
        if isinstance(v, Str) and len(t) > 20 and self.r.random() < 0.15:
            self.lines.extend(self.wrap(pad + prefix + " " + t, len(pad + prefix) + 1, indent + self.w))
            return
        self.lines.append(pad + prefix + (" " + t if t != "" else ""))

    def wrap(self, line, start, indent):
        """A plain or quoted scalar over several lines: YAML folds each single line break
        (with the indentation around it) into one space, so the value stays the same."""
        plain = line[start] not in "'\""
        cuts = [i for i in range(start + 2, len(line) - 2)
                if line[i] == " " and line[i - 1] not in " \t\\" and line[i + 1] not in " \t"
                and not (plain and (line[i + 1] in INDICATORS))]
        if not cuts:
            return [line]
        cuts = sorted(self.r.sample(cuts, min(len(cuts), self.r.randint(1, 3))))
        out, prev = [], 0
        for c in cuts:
            out.append(line[prev:c])
            prev = c + 1
        out.append(line[prev:])
        return [out[0]] + [" " * indent + x for x in out[1:]]

    def emit_value_compact(self, lead, indent, k, x):
        # Emit the first key of a mapping on the dash line.
        start = len(self.lines)
        self.emit_value(self.key_text(k) + ":", x, indent)
        self.lines[start] = lead + self.lines[start][indent:]

    def document(self, root):
        if isinstance(root, Map) and not root.flow:
            for k, x in root.items:
                self.emit_value(self.key_text(k) + ":", x, 0)
        elif isinstance(root, Raw):
            self.lines.append(root.text)
        else:
            self.lines.append(self.flow_text(root))
        return "\n".join(self.lines) + "\n"


# --- The generator -----------------------------------------------------------------------------

def wordish(ch):
    return ch.isalnum() or ch in "_.:"


def join(a, sep, b):
    """a + sep + b, with a space where an empty separator would glue two words together."""
    if sep == "" and a and b and wordish(a[-1]) and wordish(b[0]):
        sep = " "
    return a + sep + b


PREC = {"or": 1, "and": 2, "unless": 2, "==": 3, "!=": 3, "<=": 3, "<": 3, ">=": 3, ">": 3,
        "+": 4, "-": 4, "*": 5, "/": 5, "%": 5, "atan2": 5, "^": 6}
ATOM = 100
ARITH = ["+", "-", "*", "/", "%", "^", "atan2"]
CMP = ["==", "!=", "<=", "<", ">=", ">"]
SETOPS = ["and", "or", "unless"]

PROMQL_FAULTS = {
    "bad_regex": 6, "empty_matchers": 4, "name_twice": 2, "matcher_syntax": 5, "quoted_name": 2,
    "bad_range": 5, "range_on_nonselector": 3, "modifier_before_range": 2, "bad_offset": 4,
    "bad_at": 4, "bad_subquery": 3, "agg_param": 4, "agg_nonvector": 3, "agg_grouping": 5,
    "agg_args": 3, "func_arity": 6, "func_argtype": 6, "func_unknown": 5, "binop_bool": 3,
    "scalar_cmp": 3, "setop_scalar": 3, "setop_group": 2, "matching": 4, "binop_type": 4,
    "unary_type": 2, "bad_number": 4, "bad_string": 5, "token": 12, "newer_syntax": 4,
    "keyword_name": 2, "empty_expr": 1, "trailing_comma": 2, "edge": 14, "deep": 2,
}


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.pending = None  # the PromQL fault still to place
        self.tags = []

    # -- helpers
    def p(self, x):
        return self.r.random() < x

    def c(self, xs):
        return self.r.choice(xs)

    def take(self, kind, prob=0.35):
        """True (once) when the pending fault is `kind` and this spot is picked for it."""
        if self.pending == kind and self.p(prob):
            self.pending = None
            self.tags.append("promql:" + kind)
            return True
        return False

    def ws(self):
        r = self.r.random()
        if r < 0.01:
            return self.c([" # comment\n", "\n# comment ) ] }\n", " #\n", "\r\n", "\n\n"])
        if r < 0.75:
            return " "
        if r < 0.85:
            return ""
        if r < 0.92:
            return "  "
        if r < 0.97:
            return "\n  "
        return "\t"

    def kw(self, word):
        """Keywords are case-insensitive."""
        r = self.r.random()
        if r < 0.9:
            return word
        if r < 0.95:
            return word.upper()
        return word.capitalize()

    # -- strings
    def string_lit(self, value=None, quote=None, escapes=True):
        q = quote or self.c(['"', '"', '"', "'", "`"])
        if value is None:
            value = self.c(WORDS)
        if self.take("bad_string", 0.5):
            kind = self.r.randrange(4)
            if kind == 0 and q != "`":
                return q + value + self.c(STRING_ESC_BAD[q]) + value + q
            if kind == 1:
                return q + value  # unterminated
            if kind == 2 and q != "`":
                return q + value + "\n" + value + q  # newline inside a quoted string
            if kind == 3 and q != "`":
                return q + value + "\\" + q
            return q + value + q + q
        if q == "`":
            return "`" + value.replace("`", "") + "`"
        body = value.replace("\\", "\\\\").replace(q, "\\" + q).replace("\n", "\\n")
        if escapes and self.p(0.15):
            pos = self.r.randrange(len(body) + 1)
            while pos > 0 and body[pos - 1] == "\\":
                pos -= 1
            body = body[:pos] + self.c(STRING_ESC_GOOD[q]) + body[pos:]
        return q + body + q

    def regex_lit(self, regex, q=None):
        q = q or self.c(['"', '"', "'", "`"])
        if q == "`" and "`" not in regex:
            return "`" + regex + "`"
        if q == "`":
            q = '"'
        return q + regex.replace("\\", "\\\\").replace(q, "\\" + q) + q

    # -- selectors
    def label_name(self):
        if self.p(0.06):
            return self.c(KEYWORD_LABELS)
        return self.c(LABELS)

    def matcher(self, nonempty=False):
        name = self.label_name()
        if self.take("matcher_syntax", 0.3):
            kind = self.r.randrange(9)
            return [name + "=" + self.c(["b", "1", "x.y", "5m"]),
                    name + " " + self.string_lit(),
                    name + "==" + self.string_lit(),
                    name + "=" + self.string_lit() + "," + ",",
                    self.string_lit() + "=" + self.string_lit(),
                    "a:b=" + self.string_lit(),
                    "1a=" + self.string_lit(),
                    name + "=~" + self.string_lit() + " " + self.label_name() + "=\"x\"",
                    name + "<" + self.string_lit()][kind]
        if self.take("quoted_name", 0.3):
            return self.string_lit(self.c(["a.b", "job", "a b", "ü"]), quote='"') + "=" + self.string_lit()
        if self.take("bad_regex", 0.4):
            return name + self.c(["=~", "!~"]) + self.regex_lit(self.c(REGEX_BAD))
        if nonempty:
            k = self.r.randrange(3)
            if k == 0:
                return name + "=" + self.string_lit(self.c([w for w in WORDS if w]))
            if k == 1:
                return name + "=~" + self.regex_lit(self.c(REGEX_NONEMPTY))
            return name + "!=" + self.string_lit("", escapes=False)
        op = self.c(["=", "=", "!=", "=~", "!~"])
        if op in ("=~", "!~"):
            return name + op + self.regex_lit(self.c(REGEX_GOOD))
        return name + op + self.string_lit()

    def metric_name(self):
        if self.take("keyword_name", 0.3):
            return self.c(NON_METRICS + ["bool", "on", "ignoring"])
        if self.p(0.03):
            return self.c(KEYWORD_METRICS)
        return self.c(METRICS)

    def selector(self):
        """An instant vector selector (string)."""
        if self.take("empty_matchers", 0.5):
            k = self.r.randrange(4)
            if k == 0:
                return "{}"
            name = self.label_name()
            if k == 1:
                return "{" + name + "=" + self.string_lit("") + "}"
            if k == 2:
                return "{" + name + self.c(["=~", "!~"]) + self.regex_lit(
                    self.c(REGEX_EMPTY) if self.p(0.7) else ".+") + "}"
            return "{" + name + "!=\"a\"}"
        if self.take("name_twice", 0.5):
            return self.metric_name() + "{__name__=" + self.string_lit(self.c(["foo", "up", ""])) + "}"
        with_name = self.p(0.75)
        n = self.c([0, 0, 1, 1, 1, 2, 3]) if with_name else self.c([1, 1, 2, 3])
        ms = []
        nonempty_at = self.r.randrange(n) if (n and not with_name) else -1
        for i in range(n):
            ms.append(self.matcher(nonempty=(i == nonempty_at)))
        if not with_name and self.p(0.15):
            ms[nonempty_at] = "__name__=" + self.string_lit(self.c(METRICS))
        name = self.metric_name() if with_name else ""
        if not ms and with_name and self.p(0.7):
            return name
        sep = "," + self.c(["", " ", " ", "\n"])
        body = sep.join(ms)
        if ms and self.p(0.1):
            body += ","
        if self.p(0.05):
            body = " # comment\n" + body if body else body
        return name + "{" + body + "}"

    # -- durations
    def duration(self, where="range"):
        if where == "range" and self.take("bad_range", 0.6):
            return self.c(DUR_BAD)
        if where == "step" and self.take("bad_subquery", 0.3):
            return self.c(DUR_BAD)
        return self.c(DUR_GOOD)

    def modifiers(self, s):
        """Optional offset and @ (either order) after a selector, range or subquery."""
        mods = []
        if self.take("bad_offset", 0.3):
            k = self.r.randrange(5)
            if k == 0:
                mods.append(self.kw("offset") + " " + self.c(DUR_BAD))
            elif k == 1:
                mods.append("offset 5m offset 1m")
            elif k == 2:
                mods.append("offset")
            elif k == 3:
                mods.append("offset " + self.c(["5", "-5", "1.5", "x", "\"5m\"", "- 5m", "+5m"]))
            else:
                mods.append("offset -" + self.c(["0s", "5", "-5m"]))
        elif self.p(0.12):
            mods.append(self.kw("offset") + " " + self.c(["", "", "-"]) + self.c(DUR_GOOD))
        if self.take("bad_at", 0.3):
            k = self.r.randrange(2)
            mods.append("@ " + self.c(AT_BAD) if k == 0 else "@ 100 @ 200")
        elif self.p(0.08):
            mods.append("@ " + self.c(AT_GOOD))
        self.r.shuffle(mods)
        for m in mods:
            s += " " + m
        return s

    # -- typed expressions; each returns (text, precedence)
    def expr(self, t, d):
        if t == V:
            return self.vector(d)
        if t == S:
            return self.scalar(d)
        if t == M:
            return self.matrix(d)
        return self.string_lit(), ATOM

    def wrong_type(self, t):
        return self.c([x for x in (V, S, M, STR) if x != t])

    def paren(self, e, need):
        s, p = e
        if p < need or (p != ATOM and self.p(0.05)):
            return "(" + self.ws().strip(" ") + s + ")"
        return s

    def vector(self, d):
        if d <= 0 or self.p(0.25):
            return self.modifiers(self.selector()), ATOM
        k = self.r.randrange(100)
        if k < 22:
            return self.aggregation(d), ATOM
        if k < 50:
            return self.call(V, d), ATOM
        if k < 80:
            return self.binary(V, d)
        if k < 86:
            return "(" + self.vector(d - 1)[0] + ")", ATOM
        if k < 91:
            return self.unary(V, d)
        return self.modifiers(self.selector()), ATOM

    def scalar(self, d):
        if self.take("bad_number", 0.4):
            return self.c(NUM_BAD), ATOM
        if d <= 0 or self.p(0.45):
            n = self.c(NUM_GOOD)
            if n.startswith(("-", "+")):
                return n, 5
            return n, ATOM
        k = self.r.randrange(100)
        if k < 40:
            return self.call(S, d), ATOM
        if k < 75:
            return self.binary(S, d)
        if k < 88:
            return "(" + self.scalar(d - 1)[0] + ")", ATOM
        return self.unary(S, d)

    def matrix(self, d):
        if self.take("range_on_nonselector", 0.5):
            inner = self.c([self.paren(self.vector(d - 1), ATOM + 1), self.aggregation(d - 1),
                            self.call(V, d - 1), self.c(NUM_GOOD), "(" + self.selector() + ")",
                            self.string_lit(), self.matrix(0)[0]])
            return inner + "[" + self.duration() + "]", ATOM
        if self.take("modifier_before_range", 0.5):
            mod = self.c(["offset 5m", "@ 100", "@ start()"])
            return self.selector() + " " + mod + " [" + self.duration() + "]", ATOM
        if d <= 0 or self.p(0.7):
            sel = self.selector()
            rng = "[" + self.duration() + "]"
            if self.p(0.03):
                rng = "[" + self.duration() + " " + self.c(["x", "y", "b"]) + " " + self.duration() + "]"
            return self.modifiers(sel + self.c(["", "", "", " "]) + rng), ATOM
        # subquery
        if self.take("bad_subquery", 0.5):
            k = self.r.randrange(6)
            inner = [self.matrix(0)[0], self.c(NUM_GOOD), self.string_lit(), self.scalar(d - 1)[0],
                     self.vector(d - 1)[0], self.vector(d - 1)[0]][k]
            if k <= 3:
                return self.paren((inner, ATOM if k != 3 else 0), ATOM) + "[5m:1m]", ATOM
            if k == 4:
                return self.paren(self.vector(d - 1), ATOM) + "[5m:1m:1m]", ATOM
            return self.paren(self.vector(d - 1), ATOM) + "[:5m]", ATOM
        inner = self.paren(self.vector(d - 1), ATOM)
        step = self.c(["", self.duration("step")])
        return self.modifiers(inner + "[" + self.duration() + ":" + step + "]"), ATOM

    def call(self, ret, d):
        if self.take("func_unknown", 0.4):
            name = self.c(list(NEWER_FUNCS))
            return name + "(" + NEWER_FUNCS[name] + ")"
        names = FUNCS_BY_RET[ret]
        name = self.c(names)
        argt, variadic, _ = FUNCS[name]
        n = len(argt)
        if variadic == 0:
            count = n
        elif variadic > 0:
            count = self.r.randint(n - 1, n - 1 + variadic)
        else:
            count = self.r.randint(n - 1, n + 2)
        if self.take("func_arity", 0.4):
            lo = n - 1 if variadic else n
            choices = [x for x in (lo - 1, lo + 1 if variadic == 0 else n + variadic, 0, lo + 2)
                       if x >= 0 and not (lo <= x <= (n - 1 + variadic if variadic >= 0 else 99))]
            if choices:
                count = self.c(choices)
        args = []
        bad_at = -1
        if count and self.take("func_argtype", 0.4):
            bad_at = self.r.randrange(count)
        for i in range(count):
            t = argt[min(i, n - 1)] if n else V
            if i == bad_at:
                t = self.wrong_type(t)
            if name in ("label_replace", "label_join") and t == STR:
                args.append(self.label_fn_arg(name, i))
            else:
                args.append(self.expr(t, d - 1)[0])
        sep = "," + self.c(["", " ", " ", " ", "\n"])
        text = sep.join(args)
        if args and self.take("trailing_comma", 0.5):
            text += self.c([",", ", ", ",\n"])
        return name + "(" + text + ")"

    def label_fn_arg(self, name, i):
        if name == "label_replace":
            vals = [None, self.c(["dst", "instance", "a b", "", "__name__"]),
                    self.c(["$1", "${1}x", "", "a"]), self.c(["src", "job", "1a", ""]),
                    self.c(["(.*)", "(.+):\\d+", "(", "[a-", ".*", ""])]
            return self.string_lit(vals[min(i, 4)], escapes=False)
        if i == 1:
            return self.string_lit(self.c(["dst", "a b", ""]), escapes=False)
        if i == 2:
            return self.string_lit(self.c([",", "-", ""]), escapes=False)
        return self.string_lit(self.c(LABELS), escapes=False)

    def grouping(self):
        labels = []
        for _ in range(self.c([0, 1, 1, 2, 3])):
            labels.append(self.c(GROUPING_KEYWORDS) if self.p(0.08) else self.c(LABELS + ["__name__"]))
        if self.take("agg_grouping", 0.3):
            k = self.r.randrange(3)
            if k == 0:
                labels.insert(self.r.randrange(len(labels) + 1), self.c(GROUPING_BAD))
            elif k == 1:
                return " " + ", ".join(labels or ["job"]) + " "  # no parentheses
            else:
                return "(" + ",".join(labels) + ",,)"
        text = ("," + self.c(["", " "])).join(labels)
        if labels and self.p(0.1):
            text += ","
        return self.c(["", " "]) + "(" + text + ")"

    def aggregation(self, d):
        op = self.c(AGG_PLAIN + list(AGG_PARAM))
        args = []
        if op in AGG_PARAM:
            pt = AGG_PARAM[op]
            if self.take("agg_param", 0.5):
                k = self.r.randrange(2)
                if k == 0:
                    args.append(self.expr(self.wrong_type(pt), d - 1)[0])
                # k == 1: parameter missing
            elif pt == STR:
                args.append(self.string_lit(self.c(["value", "code", "a b", "", "__name__"]), escapes=False))
            else:
                args.append(self.scalar(d - 1)[0])
        elif self.take("agg_param", 0.3):
            args.append(self.scalar(d - 1)[0])
        if self.take("agg_nonvector", 0.5):
            args.append(self.expr(self.c([S, M, STR]), d - 1)[0])
        else:
            args.append(self.vector(d - 1)[0])
        if self.take("agg_args", 0.4):
            k = self.r.randrange(3)
            if k == 0:
                args = []
            elif k == 1:
                args.append(self.vector(d - 1)[0])
            else:
                args[-1] += ","
        mod = ""
        if self.p(0.55):
            mod = self.kw(self.c(["by", "without"])) + self.grouping()
        if self.take("agg_grouping", 0.3):
            mod = self.c(["by (a) without (b)", "by", "by (a) by (b)", "without", "by job",
                          "on (a)", "group_left", "by (a) (b)"])
        inner = "(" + ("," + self.c(["", " ", " "])).join(args) + ")"
        opname = self.kw(op)
        if mod and self.p(0.5):
            return opname + " " + mod + " " + inner
        return opname + inner + (" " + mod if mod else "")

    def vector_matching(self, op):
        s = ""
        setop = op in SETOPS
        if op in CMP and self.p(0.3):
            s += " " + self.kw("bool")
        if self.take("binop_bool", 0.5):
            s += " bool"
        if self.p(0.35) or self.pending in ("setop_group", "matching"):
            on = self.c(["on", "ignoring"])
            labels = [self.c(LABELS) for _ in range(self.c([0, 1, 2]))]
            s += " " + self.kw(on) + self.c(["", " "]) + "(" + ", ".join(labels) + ")"
            if self.take("matching", 0.4):
                k = self.r.randrange(3)
                if k == 0:
                    s += " " + ("ignoring" if on == "on" else "on") + "(a)"
                elif k == 1 and on == "on" and labels:
                    s += " group_left(" + labels[0] + ")"
                elif k == 1:
                    s = s.replace("ignoring", "on", 1) + " group_right(job) on(job)"
                else:
                    s += " group_left group_right"
                return s
            if self.take("setop_group", 0.5 if setop else 0):
                s += " " + self.c(["group_left", "group_right"]) + self.c(["", "(job)"])
                return s
            if not setop and self.p(0.3):
                glabels = [l for l in [self.c(LABELS) for _ in range(self.c([0, 1, 2]))]
                           if on == "ignoring" or l not in labels]
                s += " " + self.kw(self.c(["group_left", "group_right"]))
                if glabels or self.p(0.5):
                    s += self.c(["", " "]) + "(" + ", ".join(glabels) + ")"
        elif self.take("matching", 0.2):
            s += " " + self.c(["group_left", "group_right(a)"])
        return s

    def binary(self, t, d):
        if t == S:
            # scalar op scalar: arithmetic, or comparison with bool
            if self.take("scalar_cmp", 0.5):
                op = self.c(CMP)
                mod = ""
            elif self.take("setop_scalar", 0.5):
                op = self.c(SETOPS)
                mod = ""
            else:
                op = self.c(ARITH + CMP)
                mod = (" " + self.kw("bool")) if op in CMP else ""
            lt, rt = S, S
        else:
            op = self.c(ARITH + CMP + SETOPS + ARITH)
            if op in SETOPS:
                lt, rt = V, V
                if self.take("setop_scalar", 0.5):
                    lt, rt = self.c([(S, V), (V, S), (S, S)])
            else:
                lt, rt = self.c([(V, V), (V, V), (V, S), (S, V)])
            if self.take("binop_type", 0.4):
                bad = self.c([M, STR])
                if self.p(0.5):
                    lt = bad
                else:
                    rt = bad
            both_vectors = lt == V and rt == V
            mod = self.vector_matching(op) if both_vectors or self.pending in ("matching", "binop_bool") else ""
            if op in CMP and (lt, rt) != (V, V) and "bool" not in mod and self.p(0.3):
                mod = " " + self.kw("bool") + mod
        prec = PREC[op]
        right_assoc = op == "^"
        le = self.expr(lt, d - 1)
        re_ = self.expr(rt, d - 1)
        ls = self.paren(le, prec + 1 if right_assoc else prec)
        rs = self.paren(re_, prec if right_assoc else prec + 1)
        opt = self.kw(op) if op.isalpha() else op
        if mod.lower().endswith(("group_left", "group_right")) and rs.startswith("("):
            mod += "()"  # else the operand's parenthesis would be read as the label list
        return join(join(ls, self.ws(), opt + mod), self.ws(), rs), prec

    def unary(self, t, d):
        if self.take("unary_type", 0.6):
            inner = self.expr(self.c([M, STR]), d - 1)
        else:
            inner = self.expr(t, d - 1)
        return self.c(["-", "-", "+"]) + self.c(["", "", " "]) + self.paren(inner, 6), 5

    def promql(self, fault):
        """One PromQL expression; with `fault` set, one such fault placed somewhere in it."""
        ntags = len(self.tags)
        for _attempt in range(12):
            self.pending = fault
            del self.tags[ntags:]
            if fault == "newer_syntax":
                self.pending = None
                self.tags.append("promql:newer_syntax")
                e = self.c(NEWER_SYNTAX)
                if self.p(0.5):
                    e = self.vector(1)[0] + " + " + self.paren((e, 0), ATOM)
                return e
            if fault == "edge":
                self.pending = None
                self.tags.append("promql:edge")
                e = self.c(EDGE_PROMQL)
                k = self.r.randrange(6)
                if k == 0:
                    e = "sum(" + e + ")"
                elif k == 1:
                    e = self.vector(1)[0] + " + " + self.paren((e, 0), ATOM)
                elif k == 2:
                    e = "(" + e + ")"
                return e
            if fault == "deep":
                self.pending = None
                self.tags.append("promql:deep")
                return self.deep()
            if fault == "empty_expr":
                self.pending = None
                self.tags.append("promql:empty_expr")
                return self.c(["", " ", "\n", "# only a comment", "()", "( )"])
            t = self.c([V] * 12 + [S, M, STR] if fault is None else [V] * 8 + [S, M])
            depth = self.c([1, 2, 2, 3, 3, 4])
            e = self.expr(t, depth)[0]
            if fault == "token":
                self.pending = None
                self.tags.append("promql:token")
                return self.token_mutation(e)
            if self.pending is None:
                if self.p(0.06):
                    e = self.add_comment(e)
                return e
        # The fault found no place: fall back to a token mutation.
        self.pending = None
        self.tags.append("promql:token")
        return self.token_mutation(e)

    def deep(self):
        """Deep nesting and long chains."""
        n = self.c([10, 50, 100, 500, 900])  # caxtool stops at 1000 levels (finding 012)
        k = self.r.randrange(8)
        if k == 0:
            return "(" * n + "x" + ")" * n
        if k == 1:
            return "(" * n + "x" + ")" * (n - 1)
        if k == 2:
            return " + ".join(["x"] * n)
        if k == 3:
            return "-" * n + "1"
        if k == 4:
            return "abs(" * n + "x" + ")" * n
        if k == 5:
            return " ^ ".join(["2"] * n)
        if k == 6:
            return "sum(" * n + "x" + ")" * n
        return "x{" + ",".join("l%d=\"%d\"" % (i, i) for i in range(n)) + "}"

    def add_comment(self, e):
        spaces = [i for i, ch in enumerate(e) if ch == " "]
        if not spaces or "`" in e or '"' in e or "'" in e:
            return e + " # trailing comment"
        i = self.c(spaces)
        return e[:i] + " # comment )]}\n" + e[i:]

    def token_mutation(self, e):
        k = self.r.randrange(6)
        if not e:
            return self.c(STRAY)
        i = self.r.randrange(len(e) + 1)
        if k == 0:  # delete one character
            j = min(len(e) - 1, i)
            return e[:j] + e[j + 1:]
        if k == 1:  # insert a stray token
            return e[:i] + self.c(["", " "]) + self.c(STRAY) + self.c(["", " "]) + e[i:]
        if k == 2:  # truncate
            return e[:max(1, i)]
        if k == 3:  # unbalanced parenthesis
            return self.c(["(" + e, e + ")", "(" + e + "))", "((" + e + ")"])
        if k == 4:  # duplicate a slice
            j = self.r.randrange(i, len(e) + 1)
            return e[:j] + e[i:j] + e[j:]
        return e + self.c([" " + self.c(STRAY), " " + self.c(METRICS), " 1", " )"])

    # -- templates
    def template(self, broken, alert="A"):
        """Label or annotation text of an alerting rule: Go template syntax, scope-aware so that
        the only error in a broken one is the fault placed in it."""
        self.tpl_fault = self.pick_tpl_fault() if broken else None
        self.alert_name = alert
        for _attempt in range(8):
            fault = self.tpl_fault
            self.tpl_defined = set()
            text = self.tpl_list(self.c([1, 2, 2, 3]), set(BUILTIN_VARS), top=True, in_range=False)
            if self.tpl_fault is None or not broken:
                break
            self.tpl_fault = fault
        if self.tpl_fault is not None:
            # No spot took the fault: append a broken snippet.
            text += self.c(TPL_BAD)
            self.tags.append("template:snippet")
        self.tpl_fault = None
        return text

    def pick_tpl_fault(self):
        kinds = {"undefined_var": 5, "scoped_var": 3, "unknown_func": 4, "unclosed_action": 2,
                 "missing_end": 3, "extra_end": 2, "else_misuse": 3, "bad_pipeline": 3,
                 "bad_literal": 4, "bad_token": 3, "comment": 2, "break_outside": 2,
                 "define_misuse": 2, "snippet": 6, "decl": 2, "redefine_self": 1}
        ks = list(kinds)
        return self.r.choices(ks, [kinds[k] for k in ks])[0]

    def tfault(self, kind, prob=0.4):
        if self.tpl_fault == kind and self.p(prob):
            self.tpl_fault = None
            self.tags.append("template:" + kind)
            return True
        return False

    def lb(self):
        return self.c(["{{ ", "{{ ", "{{", "{{- ", "{{-\t", "{{\n"])

    def rb(self):
        return self.c([" }}", " }}", "}}", " -}}", "\t-}}", "\n}}"])

    def tpl_var(self, scope):
        if self.tfault("undefined_var"):
            return self.c(TPL_BAD_VARS) + self.c(["", ".x"])
        v = self.c(sorted(scope) + sorted(scope & BUILTIN_VARS))
        if v in ("$labels", "$externalLabels", "$") and self.p(0.6):
            v += self.c([".Labels.x", ".Labels.job"] if v == "$" else [".instance", ".job", ".le", ".x_y"])
        return v

    def tpl_operand(self, scope, depth):
        k = self.r.randrange(10)
        if self.tfault("bad_literal", 0.15):
            return self.c(["1x", "0x", "1e", "'ab'", "''", "\"\\q\"", "'\\400'", "`x", "\"x",
                           "0b2", "1__0", "99999999999999999999999", "'\\uD800'", "08", "0o8",
                           "1..2", "'a", "\"\\x4\""])
        if k < 3:
            return self.tpl_var(scope)
        if k < 5:
            return self.c([".", ".Labels", ".Labels.job", ".Value", ".ExternalURL",
                           ".ExternalLabels.region", ".x.y", ".Labels.a_b"])
        if k < 8:
            return self.c(["1", "-1", "1.5", "0x1F", "1e3", "'a'", "'\\n'", "\"str\"",
                           "\"%.2f\"", "`raw \\d`", "true", "false", "nil", "0b101", "0o17",
                           "1_000", "1+2i", "'é'", "\"\\u00e9\"", "+3", ".5", "0x1p3"])
        if depth > 0:
            return "(" + self.tpl_pipeline(scope, depth - 1, allow_decl=False) + ")"
        return self.tpl_var(scope)

    def tpl_command(self, scope, depth, first):
        if self.tfault("unknown_func", 0.3):
            return self.c(TPL_BAD_FUNCS) + " " + self.tpl_operand(scope, depth)
        if first and self.p(0.4):
            return self.tpl_operand(scope, depth)
        fn = self.c(TPL_FUNCS + ["printf", "print", "query", "first", "label", "value", "match",
                                 "reReplaceAll", "index", "len", "not", "and", "or", "eq", "ne",
                                 "lt", "gt", "le", "ge", "slice", "call", "html", "sortByLabel",
                                 "strvalue", "humanize"])
        args = [self.tpl_operand(scope, depth) for _ in range(self.c([0, 1, 1, 2]))]
        return " ".join([fn] + args)

    def tpl_pipeline(self, scope, depth, allow_decl=True, decl_into=None):
        cmds = [self.tpl_command(scope, depth, True)]
        for _ in range(self.c([0, 0, 1, 2])):
            if self.tfault("bad_pipeline", 0.3):
                cmds.append(self.c(["1", "\"x\"", ".", "nil", "", "true", "$value"]))
            else:
                cmds.append(self.tpl_command(scope, depth, False))
        text = self.c([" | ", "|", " |"]).join(cmds)
        if allow_decl and self.p(0.15):
            var = "$" + self.c(["x", "y", "v", "n", "i", "é"])
            if self.tfault("decl", 0.5):
                return self.c([var + " : = ", var + ", $z := ", var + " =: ", var + "=", "$value = ",
                               "$undeclared = "]) + text
            # "=" assigns to a variable that must exist.
            if var in scope and self.p(0.3):
                return var + " = " + text
            if decl_into is not None:
                decl_into.add(var)
            return var + self.c([" := ", ":="]) + text
        return text

    def tpl_list(self, n, scope, top, in_range):
        parts = []
        scope = set(scope)
        for _ in range(n):
            parts.append(self.tpl_node(scope, top, in_range, self.c([0, 1, 1, 2])))
        return "".join(parts)

    def tpl_node(self, scope, top, in_range, depth):
        k = self.r.randrange(100)
        if k < 8 and "$labels" in scope:
            return self.c(TPL_GOOD)
        if k < 22:
            return self.c(["Instance ", "high load on ", "summary: ", "value is ", "100% ",
                           "{ single brace }", "a\nb ", "}} ", "é ", "#not a comment ",
                           "\"quoted\" ", "'", "{x} ", " ", "\n", "\t", "{{\"{{\"}}", "\\n "])
        if k < 50:
            decls = set()
            text = self.lb() + self.tpl_pipeline(scope, depth, decl_into=decls) + self.rb()
            if self.tfault("unclosed_action", 0.3):
                text = text.rstrip("}-\n\t ") + self.c(["", " }", "}", " -}"])
            scope |= decls
            return text
        if k < 58:
            if self.tfault("comment", 0.5):
                return self.c(["{{/* unclosed", "{{/* c */ x}}", "{{ /* c */ }}", "{{/* c */-}}",
                               "{{/* a /* nested */ */}}", "{{/*c*/ }}"])
            return self.c(["{{/* comment */}}", "{{- /* trimmed */ -}}", "{{/**/}}",
                           "{{/* multi\nline */}}", "{{- /* x */}}"])
        if k < 62 and in_range:
            if self.p(0.3) and self.tfault("bad_token", 1.0):
                return self.c(["{{ break 1 }}", "{{ continue x }}"])
            return self.c(["{{ break }}", "{{ continue }}", "{{- break -}}"])
        if k < 64 and self.tfault("break_outside", 1.0):
            return self.c(["{{ break }}", "{{ continue }}"])
        if k < 67 and top and depth:
            if self.tfault("redefine_self", 1.0):
                return "{{ define \"__alert_" + self.alert_name + "\" }}x{{ end }}"
            name = self.tpl_name()
            body = self.tpl_list(1, {"$"}, top=False, in_range=False)
            return "{{ define " + name + " }}" + body + "{{ end }}" + self.c(
                ["", "{{ template " + name + " }}", "{{ template " + name + " . }}"])
        if k < 69:
            if self.tfault("define_misuse", 1.0):
                return self.c(["{{ define x }}{{ end }}", "{{ define \"d\" 1 }}{{ end }}",
                               "{{ template x }}", "{{ if 1 }}{{ define \"d\" }}{{ end }}{{ end }}",
                               "{{ define \"d\" }}a{{ end }}{{ define \"d\" }}b{{ end }}",
                               "{{ block \"b\" }}x{{ end }}"])
            if self.p(0.5):
                return self.c(["{{ template \"nope\" }}", "{{ template \"nope\" " + self.tpl_var(scope) + " }}"])
            name = self.tpl_name()
            return ("{{ block " + name + " " + self.tpl_var(scope) + " }}"
                    + self.tpl_list(1, {"$"}, top=False, in_range=False) + "{{ end }}")
        if k < 72 and self.tfault("bad_token", 0.5):
            return self.lb() + self.c(["print @", "print ;", "print é", "print #", "print [",
                                        "print {", "print \\", "print ~", "$value[0]", "print !",
                                        ".Labels.", "$labels..job", "$.", "print )"]) + self.rb()
        if depth <= 0:
            return self.lb() + self.tpl_var(scope) + self.rb()
        # control structures
        kind = self.c(["if", "if", "with", "range", "range"])
        inner = set(scope)
        head = self.tpl_pipeline(scope, depth - 1, allow_decl=(kind != "if" or self.p(0.3)), decl_into=inner)
        if kind == "range" and self.p(0.3):
            a, b = "$" + self.c(["i", "k"]), "$" + self.c(["e", "v"])
            head = a + ", " + b + " := " + self.tpl_command(scope, depth - 1, True)
            inner = set(scope) | {a, b}
        if self.tfault("scoped_var", 0.6):
            # A variable declared inside the block, used after its end.
            body = "{{ $inner := 1 }}{{ $inner }}"
            tail = "{{ $inner }}"
        else:
            body = self.tpl_list(self.c([1, 1, 2]), inner, top=False, in_range=in_range or kind == "range")
            tail = ""
        text = self.lb() + kind + " " + head + self.rb() + body
        if self.tfault("else_misuse", 0.4):
            text += self.c(["{{ else }}x{{ else }}", "{{ else if }}", "{{ else 1 }}",
                            "{{ else with 1 }}", "{{ else range . }}", "{{ elseif 1 }}",
                            "{{ else }}{{ else if 1 }}"])
        elif self.p(0.35):
            if kind == "if" and self.p(0.5):
                text += "{{ else if " + self.tpl_pipeline(scope, depth - 1, allow_decl=False) + " }}"
                text += self.tpl_list(1, scope, top=False, in_range=in_range)
            text += self.c(["{{ else }}", "{{- else -}}", "{{else}}"])
            text += self.tpl_list(1, scope, top=False, in_range=in_range)
        if self.tfault("missing_end", 0.5):
            return text + tail
        text += self.c(["{{ end }}", "{{end}}", "{{- end -}}", "{{ end -}}"])
        if self.tfault("extra_end", 0.4):
            text += self.c(["{{ end }}", "{{ else }}"])
        return text + tail

    def tpl_name(self):
        """A name for define/block; a name used twice is an error (both bodies non-empty)."""
        for _ in range(5):
            name = self.c(["\"t\"", "`t2`", "\"x y\"", "\"b\"", "\"é\"", "\"a.b\""])
            if name not in self.tpl_defined:
                break
        else:
            name = "\"n%d\"" % len(self.tpl_defined)
        self.tpl_defined.add(name)
        return name

    def labels_map(self, alert):
        """Labels; `alert` is the alert name, or None for a recording rule."""
        m = Map(flow=self.p(0.15))
        for name in self.r.sample(LABEL_NAME_GOOD, self.c([1, 1, 2, 3])):
            if alert and self.p(0.25):
                val = self.template(False, alert)
            else:
                val = self.c(["critical", "warning", "page", "team-a", "1", "", "a b", "日本",
                              "x: y", "#x", "{{ $labels.job }}", "true", "0.5", "null"])
            m.items.append((name, Str(val) if val not in ("true", "1", "0.5") or self.p(0.5) else Raw(val)))
        return m

    def rule(self, kind, fault_here, struct_fault):
        """A rule mapping; kind 'record' or 'alert'."""
        r = Map(flow=self.p(0.04))
        pfault = None
        if fault_here:
            pfault = self.pick_fault()
        expr = self.promql(pfault)
        name_key = kind
        if kind == "record":
            name = self.c(RECORD_GOOD)
        else:
            name = self.c(ALERT_NAMES)
        r.items.append((name_key, Str(name)))
        r.items.append(("expr", Str(expr, ["plain", "plain", "dq", "sq", "block", "block"])))
        if kind == "alert":
            if self.p(0.5):
                r.items.append(("for", Raw(self.c(DUR_YAML_GOOD))))
            if self.p(0.1):
                r.items.append(("keep_firing_for", Raw(self.c(DUR_YAML_GOOD))))
            if self.p(0.6):
                r.items.append(("labels", self.labels_map(name)))
            if self.p(0.6):
                a = Map(flow=self.p(0.1))
                for key in self.r.sample(["summary", "description", "runbook_url", "dashboard",
                                          "__name__", "value"], self.c([1, 2, 3])):
                    a.items.append((key, Str(self.template(False, name) if self.p(0.7) else "plain text")))
                r.items.append(("annotations", a))
        else:
            if self.p(0.3):
                r.items.append(("labels", self.labels_map(None)))
        if struct_fault == "template":
            tgt_key = self.c(["labels", "annotations"])
            m = r.get(tgt_key)
            if not isinstance(m, Map):
                m = Map()
                r.items.append((tgt_key, m))
            m.items.append((self.c(["summary", "description", "severity", "x"]),
                            Str(self.template(True, name if kind == "alert" else "A"))))
        if self.p(0.3):
            self.r.shuffle(r.items)
        return r

    def pick_fault(self):
        kinds = list(PROMQL_FAULTS)
        return self.r.choices(kinds, [PROMQL_FAULTS[k] for k in kinds])[0]

    def group(self, name, nrules, fault_rule, fault, kinds):
        g = Map()
        g.items.append(("name", Str(name)))
        if self.p(0.2):
            g.items.append(("interval", Raw(self.c(DUR_YAML_GOOD))))
        if self.p(0.1):
            g.items.append(("limit", Raw(self.c(LIMIT_GOOD))))
        rules = Seq()
        for i in range(nrules):
            rules.items.append(self.rule(kinds[i], fault == "promql" and i == fault_rule,
                                         fault if i == fault_rule else None))
        g.items.append(("rules", rules))
        if self.p(0.1):
            self.r.shuffle(g.items)
        return g

    def structural(self, root, groups):
        """Apply one rule-file fault (or an edge case that is valid) to the tree."""
        r = self.r
        g = self.c(groups)
        rules = g.get("rules")
        rule = self.c(rules.items) if isinstance(rules, Seq) and rules.items else None
        kinds = [
            "unknown_rule_key", "unknown_group_key", "unknown_top_key", "group_name_type",
            "interval", "limit", "for", "keep_firing_for", "labels_type", "annotations_type",
            "record_and_alert", "neither", "no_expr", "expr_type", "record_name", "label_name",
            "annotation_name", "recording_for", "recording_annotations", "recording_keep_firing",
            "duplicate_group", "duplicate_key", "record_type", "rules_type", "groups_type",
            "empty_alert_name", "recording_template", "label_value_type", "nulls",
            "null_item", "scalar_item", "alias", "merge", "node_value",
        ]
        kind = self.c(kinds)
        if rule is None and kind not in ("unknown_group_key", "unknown_top_key", "group_name_type",
                                         "interval", "limit", "duplicate_group", "rules_type",
                                         "groups_type", "duplicate_key"):
            kind = "group_name_type"
        self.tags.append("struct:" + kind)
        is_alert = rule is not None and rule.get("alert") is not None
        if kind == "unknown_rule_key":
            rule.items.insert(r.randrange(len(rule.items) + 1),
                              (self.c(UNKNOWN_RULE_KEYS), Str(self.c(["x", "5m", "1"]))))
        elif kind == "unknown_group_key":
            g.items.insert(r.randrange(len(g.items) + 1),
                           (self.c(UNKNOWN_GROUP_KEYS), Raw(self.c(["x", "5m", "{a: b}", "1", "null"]))))
        elif kind == "unknown_top_key":
            value = Raw(self.c(["x", "[]", "1", "null", "{}"]))
            root.items.insert(r.randrange(2), (self.c(UNKNOWN_TOP_KEYS), value))
        elif kind == "group_name_type":
            g.set("name", Raw(self.c(["[a]", "{a: b}", "123", "true", "null", "\"\"", "''", "~",
                                      "1.5", "- a", "!!str 5", "!!binary aGVsbG8=", "0x1F", "", "&a x"])))
        elif kind == "interval":
            g.set("interval", Raw(self.c(DUR_YAML_BAD + DUR_YAML_GOOD)))
        elif kind == "limit":
            g.set("limit", Raw(self.c(LIMIT_BAD + LIMIT_GOOD)))
        elif kind in ("for", "keep_firing_for"):
            rule.set(kind, Raw(self.c(DUR_YAML_BAD + DUR_YAML_GOOD)))
        elif kind in ("labels_type", "annotations_type"):
            key = kind.split("_")[0]
            rule.set(key, Raw(self.c(["[]", "[a]", "x", "1", "null", "{}", "{a: [1]}", "{a: {b: c}}",
                                      "{a: null}", "{a: 1}", "{a: true}", "{a: 1.5}", "{? a}",
                                      "{1: a}", "{null: a}", "{a: !!binary aGVsbG8=}", "{[a]: b}",
                                      "\"\"", "~"])))
        elif kind == "record_and_alert":
            rule.items.insert(r.randrange(len(rule.items) + 1),
                              ("record" if is_alert else "alert", Str(self.c(["x", "", "a:b"]))))
        elif kind == "neither":
            rule.remove("record")
            rule.remove("alert")
            if self.p(0.3):
                value = Raw(self.c(["", "null", "\"\"", "~", "0", "{}", "[]"]))
                rule.items.append((self.c(["record", "alert"]), value))
        elif kind == "no_expr":
            if self.p(0.5):
                rule.remove("expr")
            else:
                rule.set("expr", Raw(self.c(["", "null", "\"\"", "~", "' '", "|-\n"])))
        elif kind == "expr_type":
            rule.set("expr", Raw(self.c(["[up]", "{a: b}", "123", "true", "1.5", "0x10", "[]", "{}",
                                         "!!str 1", "!!int 1", "!!float 1", "-1", ".inf", ".nan", "- up",
                                         "'up'", "\"up\"", "!!null ''"])))
        elif kind == "record_type":
            key = "alert" if is_alert else "record"
            rule.set(key, Raw(self.c(["[a]", "{a: b}", "123", "true", "1.5", "[]", "{}", "0", "-1", "!!str 0"])))
        elif kind == "record_name":
            if is_alert:
                rule.remove("alert")
                rule.remove("for")
                rule.remove("keep_firing_for")
                rule.remove("annotations")
            rule.set("record", Str(self.c(RECORD_BAD + RECORD_GOOD)))
        elif kind in ("label_name", "annotation_name"):
            key = kind.split("_")[0] + "s"
            if key == "annotations" and not is_alert:
                rule.remove("record")
                rule.set("alert", Str("A"))
            m = rule.get(key)
            if not isinstance(m, Map):
                m = Map()
                rule.set(key, m)
            m.items.insert(r.randrange(len(m.items) + 1),
                           (self.c(LABEL_NAME_BAD + LABEL_NAME_GOOD), Str(self.c(["x", "", "{{ $value }}"]))))
        elif kind in ("recording_for", "recording_annotations", "recording_keep_firing"):
            rule.remove("alert")
            if rule.get("record") is None:
                rule.items.insert(0, ("record", Str(self.c(RECORD_GOOD))))
            if kind == "recording_annotations":
                rule.set("annotations", Raw(self.c(["{summary: x}", "{}", "null", "{a: ''}"])))
            else:
                key = "for" if kind == "recording_for" else "keep_firing_for"
                rule.set(key, Raw(self.c(["5m", "0s", "0", "1h", "0m", "0ms", "1s"])))
        elif kind == "duplicate_group":
            dup = Map(list(g.items))
            groups.insert(r.randrange(len(groups) + 1), dup)
            if self.p(0.2):
                dup.set("name", Str(g.get("name").s + " " if isinstance(g.get("name"), Str) else "x"))
        elif kind == "duplicate_key":
            target = self.c([rule, g]) if rule is not None else g
            k, v = self.c(target.items)
            target.items.insert(r.randrange(len(target.items) + 1), (k, v))
        elif kind == "rules_type":
            g.set("rules", Raw(self.c(["{}", "x", "null", "[]", "[1]", "[null]", "[[]]", "{a: b}", "- x", "1"])))
        elif kind == "groups_type":
            root.set("groups", Raw(self.c(["{}", "x", "null", "[]", "[1]", "[null]", "[[]]", "{a: b}", "1",
                                           "[{}]"])))
        elif kind == "empty_alert_name":
            key = "alert" if is_alert else "record"
            rule.set(key, Raw(self.c(["\"\"", "''", "", "~", "null"])))
            if self.p(0.5):
                rule.items.append(("record" if is_alert else "alert", Str(self.c(["A", "a:b"]))))
        elif kind == "recording_template":
            if is_alert:
                rule.remove("alert")
                rule.remove("for")
                rule.remove("keep_firing_for")
                rule.remove("annotations")
                rule.set("record", Str(self.c(RECORD_GOOD)))
            m = rule.get("labels")
            if not isinstance(m, Map):
                m = Map()
                rule.set("labels", m)
            m.items.append(("x", Str(self.template(True))))
        elif kind == "label_value_type":
            key = self.c(["labels", "annotations"]) if is_alert else "labels"
            m = rule.get(key)
            if not isinstance(m, Map):
                m = Map()
                rule.set(key, m)
            m.items.append((self.c(LABEL_NAME_GOOD), Raw(self.c(LABEL_VALUES_RAW))))
        elif kind == "null_item":
            # yaml.v3 drops null items of a list it decodes into a slice of structs.
            target = rules.items if isinstance(rules, Seq) and self.p(0.7) else groups
            target.insert(r.randrange(len(target) + 1), Raw(self.c(["", "null", "~", "!!null ''"])))
        elif kind == "scalar_item":
            item = Raw(self.c(["x", "1", "[a]", "true", "''", "[]", "{}"]))
            if isinstance(rules, Seq) and self.p(0.5):
                rules.items.insert(r.randrange(len(rules.items) + 1), item)
            else:
                groups.insert(r.randrange(len(groups) + 1), item)
        elif kind == "alias":
            self.alias(groups)
        elif kind == "merge":
            k = self.r.randrange(4)
            if k == 0:
                rule.items.insert(0, ("<<", Raw(self.c(["{for: 5m}", "{labels: {a: b}}", "{expr: up}",
                                                        "[{for: 1m}, {keep_firing_for: 1m}]", "{bogus: 1}",
                                                        "x", "[x]", "{}", "null"]))))
            else:
                key = self.c(["labels", "annotations"]) if is_alert else "labels"
                m = rule.get(key)
                if not isinstance(m, Map):
                    m = Map()
                    rule.set(key, m)
                m.flow = False
                m.items.insert(0, ("<<", Raw(self.c(["{a: b}", "{severity: x}", "[{a: b}, {c: d}]", "{1a: b}"]))))
                if k == 2:
                    m.items.append(("<<", Raw("{c: d}")))
        elif kind == "node_value":
            # record, alert and expr are yaml.Node fields: anything goes, and is not checked further.
            key = self.c(["record", "alert"]) if not is_alert else "record"
            rule.set(key, Raw(self.c(["{a: 1, a: 2}", "[x, x]", "{a: {b: 1, b: 2}}", "!!str {a: 1}",
                                      "!!binary aGVsbG8=", "!!int x", "{\"\": 1}"])))
        elif kind == "nulls":
            target = self.c([rule, g])
            k, _ = self.c(target.items)
            target.set(k, Raw(self.c(["null", "~", ""])))

    def alias(self, groups):
        """An anchor on one value and an alias to it further down (or an unknown alias)."""
        slots = []  # (map, key) in document order
        for g in groups:
            if not isinstance(g, Map):
                continue
            slots.append((g, "name"))
            rules = g.get("rules")
            for rule in (rules.items if isinstance(rules, Seq) else []):
                if not isinstance(rule, Map) or rule.flow:
                    continue
                for k in ("record", "alert", "expr", "for"):
                    if rule.get(k) is not None:
                        slots.append((rule, k))
                for k in ("labels", "annotations"):
                    m = rule.get(k)
                    if isinstance(m, Map) and not m.flow:
                        slots.extend((m, kk) for kk, _ in m.items)
        name = self.c(["a", "e", "n-1", "x(", "rate", "1", "up", "a.b", "é"])
        if len(slots) < 2 or self.p(0.1):
            m, k = self.c(slots)
            m.set(k, Raw("*" + name))
            return
        i = self.r.randrange(len(slots) - 1)
        j = self.r.randrange(i + 1, len(slots))
        (m1, k1), (m2, k2) = slots[i], slots[j]
        v = m1.get(k1)
        if isinstance(v, Str):
            v = Raw(dq(v.s, self.r))
        if isinstance(v, Raw) and not v.text.startswith(("&", "*", "!", "|", ">")) and "\n" not in v.text:
            m1.set(k1, Raw("&" + name + " " + v.text))
            m2.set(k2, Raw("*" + name))

    def yaml_mutation(self, text):
        r = self.r
        lines = text.split("\n")
        kinds = ["tab", "unclosed_quote", "bad_indent", "bom", "crlf", "doc_markers", "comments",
                 "anchor", "merge", "trailing_garbage", "empty", "tag", "flow_break",
                 "only_comment", "null_doc", "colon_value", "dup_top"]
        kind = self.c(kinds)
        self.tags.append("yaml:" + kind)
        body = [i for i, l in enumerate(lines) if l.strip()]
        i = self.c(body) if body else 0
        if kind == "tab":
            lines[i] = "\t" + lines[i].lstrip(" ") if self.p(0.5) else lines[i].replace(": ", ":\t", 1)
        elif kind == "unclosed_quote":
            lines[i] = lines[i] + self.c([" \"", " '", "\"x"])
        elif kind == "bad_indent":
            lines[i] = " " * self.c([1, 3, 5]) + lines[i]
        elif kind == "bom":
            return "\ufeff" + text
        elif kind == "crlf":
            return text.replace("\n", "\r\n")
        elif kind == "doc_markers":
            return self.c(["---\n", "%YAML 1.2\n---\n", "--- # doc\n", "%YAML 1.1\n---\n",
                           "%TAG !e! tag:example.com:\n---\n"]) + text + self.c(["", "...\n"])
        elif kind == "comments":
            for _ in range(3):
                j = r.randrange(len(lines))
                if lines[j] and not lines[j].rstrip().endswith(("|", "|-", "|+", ">", ">-", ">+")):
                    if "\"" not in lines[j] and "'" not in lines[j] and "#" not in lines[j] and "{" not in lines[j]:
                        lines[j] += " # c"
                lines.insert(j, " " * r.randrange(6) + "# comment")
        elif kind == "anchor":
            # An anchor on one value, an alias to it (or to an unknown anchor) elsewhere.
            k = self.r.randrange(4)
            exprs = [j for j, l in enumerate(lines)
                     if l.lstrip(" -{").startswith("expr: ") and "{" not in l.split("expr:")[0]]
            if k == 0 and len(exprs) >= 2:
                a, b = exprs[0], exprs[-1]
                lines[a] = lines[a].replace("expr: ", "expr: &e ", 1)
                head = lines[b].split("expr: ")[0]
                lines[b] = head + "expr: *e"
                # Drop the old value's continuation lines (indented deeper than the key).
                while b + 1 < len(lines) and lines[b + 1].startswith(" " * (len(head) + 1)):
                    del lines[b + 1]
            elif k == 1:
                return text.replace("- name: ", "- &g name: ", 1)
            elif k == 2:
                return text.replace("name: ", "name: *undefined #", 1)
            else:
                return "x: &a {name: shared, rules: []}\n" + text.replace("groups:", "groups:\n- *a", 1)
        elif kind == "merge":
            merged = text.replace("- name: ", "- <<: {limit: 1}\n  name: ", 1)
            return ("x: &x {interval: 1m}\n" if self.p(0.5) else "") + merged
        elif kind == "trailing_garbage":
            return text + self.c(["]", "}", "- x", "foo", "\"", ": x", "  - y", "@"]) + "\n"
        elif kind == "empty":
            return self.c(["", "\n", "   \n", "---\n", "{}\n", "[]\n", "null\n", "groups:\n", "groups: []\n",
                           "groups: ~\n", "...\n", "--- |\n  x\n", "x\n", "'groups'\n"])
        elif kind == "tag":
            return text.replace("name: ", self.c(["name: !!str ", "name: !custom ", "name: !!int "]), 1)
        elif kind == "flow_break":
            lines[i] = lines[i].replace(":", self.c(["", "::", ": :"]), 1)
        elif kind == "only_comment":
            return "# just a comment\n"
        elif kind == "null_doc":
            return "groups:\n" + self.c(["- ", "-\n", "- null\n", "- ~\n", "- name:\n", "- rules:\n"]) + "\n"
        elif kind == "colon_value":
            lines[i] = lines[i] + self.c([": x", " : y", "  #", " :"])
        elif kind == "dup_top":
            return text + "groups: []\n"
        return "\n".join(lines)

    def file(self):
        self.tags = []
        fault = self.r.choices(["none", "promql", "template", "struct", "yaml"],
                               [26, 44, 10, 16, 4])[0]
        ngroups = self.c([1, 1, 1, 2, 3])
        groups = []
        names = self.r.sample(GROUP_NAMES, ngroups)
        fault_group = self.r.randrange(ngroups)
        for gi in range(ngroups):
            nrules = self.c([1, 1, 2, 2, 3, 4])
            kinds = [self.c(["record", "alert"]) for _ in range(nrules)]
            fault_rule = self.r.randrange(nrules) if gi == fault_group else -1
            if fault == "template" and fault_rule >= 0:
                kinds[fault_rule] = "alert"
            rule_fault = fault if fault in ("promql", "template") else None
            groups.append(self.group(names[gi], nrules, fault_rule, rule_fault, kinds))
        if fault == "none":
            self.tags.append("clean")
        root = Map([("groups", Seq(groups))])
        if fault == "struct":
            self.structural(root, root.get("groups").items)
        text = Emitter(self.r).document(root)
        if fault == "yaml":
            text = self.yaml_mutation(text)
        return text, self.tags


def generate(seed, n, outdir):
    os.makedirs(outdir, exist_ok=True)
    manifest = []
    for i in range(n):
        g = Gen("%s/%d" % (seed, i))
        text, tags = g.file()
        name = "case-%05d.yml" % i
        with open(os.path.join(outdir, name), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        manifest.append("%s\t%s\n" % (name, ",".join(tags)))
    with open(os.path.join(outdir, "manifest.tsv"), "w", encoding="utf-8") as f:
        f.writelines(manifest)


def main(argv):
    if len(argv) != 4:
        sys.stderr.write("usage: gen_rules.py SEED N OUTDIR\n")
        return 2
    generate(argv[1], int(argv[2]), argv[3])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
