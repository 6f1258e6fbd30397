// SPDX-License-Identifier: Apache-2.0
// The PromQL parser: trees for every construct, one comparison per check (see dump()).
#include <catch2/catch.hpp>

#include "../promql/promql_test_util.h"

using promql_test::all_features;
using promql_test::at;
using promql_test::tree;

TEST_CASE("promql: literals") {
  CHECK(tree("1") == "num(1)");
  CHECK(tree(".5") == "num(0.5)");
  CHECK(tree("5.") == "num(5)");
  CHECK(tree("1e3") == "num(1000)");
  CHECK(tree("5e-3") == "num(0.005)");
  CHECK(tree("0x1F") == "num(31)");
  CHECK(tree("0755") == "num(493)");
  CHECK(tree("08") == "num(8)");
  CHECK(tree("Inf") == "num(+Inf)");
  CHECK(tree("-inf") == "num(-Inf)");
  CHECK(tree("NaN") == "num(NaN)");
  CHECK(tree("1e-400") == "num(0)");
  CHECK(tree("9223372036854775808") == "num(9223372036854775808)");
  CHECK(tree("\"a\\nb\\x41\\u00e9\\101\"") == "str(\"a\\nbAéA\")");
  CHECK(tree("'it\\'s'") == "str(\"it's\")");
  CHECK(tree("`raw\\n`") == "str(\"raw\\\\n\")");
}

TEST_CASE("promql: number syntax by version") {
  CHECK(tree("1_000", at("2.42")) == "error [0,1): bad number or duration syntax: \"1\"");
  CHECK(tree("1_000", at("2.54")) == "num(1000)");
  CHECK(tree("0x_1f", at("3.0")) == "num(31)");
  CHECK(tree("5m", at("2.42")) == "error [0,2): unexpected duration \"5m\"");
  CHECK(tree("5m", at("2.54")) == "num(5m)");
  CHECK(tree("1e400") ==
        "error [0,5): error parsing number: strconv.ParseFloat: parsing \"1e400\": value out of "
        "range");
  CHECK(tree("0x8000000000000000") ==
        "error [0,18): error parsing number: strconv.ParseFloat: parsing \"0x8000000000000000\": "
        "invalid syntax");
}

TEST_CASE("promql: precedence and associativity") {
  CHECK(tree("1 + 2 * 3") == "bin(+, num(1), bin(*, num(2), num(3)))");
  CHECK(tree("a - b - c") == "bin(-, bin(-, sel(a), sel(b)), sel(c))");
  CHECK(tree("2 ^ 3 ^ 2") == "bin(^, num(2), bin(^, num(3), num(2)))");
  CHECK(tree("-1^2") == "unary(-, bin(^, num(1), num(2)))");
  CHECK(tree("-a * b") == "bin(*, unary(-, sel(a)), sel(b))");
  CHECK(tree("a + -b * c") == "bin(+, sel(a), bin(*, unary(-, sel(b)), sel(c)))");
  CHECK(tree("a or b and c unless d") ==
        "bin(or, sel(a), bin(unless, bin(and, sel(b), sel(c)), sel(d)))");
  CHECK(tree("a == b + c") == "bin(==, sel(a), bin(+, sel(b), sel(c)))");
  CHECK(tree("a atan2 b * c") == "bin(*, bin(atan2, sel(a), sel(b)), sel(c))");
  CHECK(tree("(1 + 2) * 3") == "bin(*, paren(bin(+, num(1), num(2))), num(3))");
  CHECK(tree("+1 + -2") == "bin(+, num(1), num(-2))");
  CHECK(tree("- -a") == "unary(-, unary(-, sel(a)))");
}

TEST_CASE("promql: selectors") {
  CHECK(tree("foo") == "sel(foo)");
  CHECK(tree("foo{a=\"b\",c!=\"d\",e=~\"f.*\",g!~\"h\",}") ==
        "sel(foo{a=\"b\",c!=\"d\",e=~\"f.*\",g!~\"h\"})");
  CHECK(tree("node:cpu:rate5m") == "sel(node:cpu:rate5m)");
  CHECK(tree("{__name__=\"foo\"}") == "sel({__name__=\"foo\"})");
  CHECK(tree("{\"my.metric\", \"label.x\"=\"v\"}") ==
        "sel({__name__=\"my.metric\",\"label.x\"=\"v\"})");
  CHECK(tree("{\"my.metric\"}", at("2.50")) ==
        "error [1,12): unexpected string \"\\\"my.metric\"... in label matching, expected "
        "identifier or \"}\"");
  CHECK(tree("sum") == "sel(sum)");
  CHECK(tree("by{a=\"b\"}") == "sel(by{a=\"b\"})");
  CHECK(tree("offset offset 5m") == "sel(offset offset=5m)");
  CHECK(tree("foo # a comment\n") == "sel(foo)");
  CHECK(tree("{x=\"a\"} # {\n") == "sel({x=\"a\"})");
}

TEST_CASE("promql: ranges, subqueries, offset and @") {
  CHECK(tree("foo[5m]") == "matrix(sel(foo), 5m)");
  CHECK(tree("foo[1h30m]") == "matrix(sel(foo), 1h30m)");
  CHECK(tree("foo[ 5m ]") == "matrix(sel(foo), 5m)");
  CHECK(tree("x[1h:5m]") == "subquery(sel(x), 1h:5m)");
  CHECK(tree("x[1h:]") == "subquery(sel(x), 1h:)");
  CHECK(tree("rate(x[5m])[30m:1m]") == "subquery(call(rate, matrix(sel(x), 5m)), 30m:1m)");
  CHECK(tree("foo offset -5m") == "sel(foo offset=-5m)");
  CHECK(tree("foo @ 1609746000") == "sel(foo @=1609746000.000)");
  CHECK(tree("foo @ -1.5") == "sel(foo @=-1.500)");
  CHECK(tree("foo @ start()") == "sel(foo @=start())");
  CHECK(tree("foo[5m] offset 1h @ end()") == "matrix(sel(foo offset=1h @=end()), 5m)");
  CHECK(tree("x[1h:] @ 100 offset 5m") == "subquery(sel(x), 1h: offset=5m @=100.000)");
  CHECK(tree("a + b offset 5m") == "bin(+, sel(a), sel(b offset=5m))");
  CHECK(tree("-foo[5m]", at("2.42")) ==
        "error [0,8): unary expression only allowed on expressions of type scalar or instant "
        "vector, got \"range vector\"");
  CHECK(tree("foo[5m x 1m]", at("2.42")) == "subquery(sel(foo), 5m:1m)");
  CHECK(tree("foo[5m x 1m]", at("3.6")) == "error [7,8): unexpected character: 'x', expected ':'");
  CHECK(tree("foo[300]", at("2.42")) == "error [4,7): missing unit character in duration");
  CHECK(tree("foo[300]", at("2.54")) == "matrix(sel(foo), 5m)");
  CHECK(tree("foo offset 60", at("3.0")) == "sel(foo offset=1m)");
  CHECK(tree("foo @ 1m", at("3.0")) == "sel(foo @=60.000)");
}

TEST_CASE("promql: duration expressions (3.4+)") {
  CHECK(tree("foo[5m+1m]", all_features()) == "matrix(sel(foo), dexpr(+, num(5m), num(1m)))");
  CHECK(tree("foo[5m+1m]", at("3.4")) ==
        "error [4,6): experimental duration expression is not enabled");
  CHECK(tree("foo[5m+1m]", at("3.14")) == "matrix(sel(foo), dexpr(+, num(5m), num(1m)))");
  CHECK(tree("foo offset (1m * 2)", at("3.14")) == "sel(foo offset=dexpr(*, num(1m), num(2)))");
  CHECK(tree("foo offset 5m + 1m", at("3.14")) == "bin(+, sel(foo offset=5m), num(1m))");
  CHECK(tree("foo offset -2^2", at("3.14")) == "bin(^, sel(foo offset=-2s), num(2))");
  CHECK(tree("foo[step()]", at("3.14")) == "matrix(sel(foo), dexpr(step))");
  CHECK(tree("foo[max_of(5m, step())]", at("3.14")) ==
        "matrix(sel(foo), dexpr(max_of, num(5m), dexpr(step)))");
  CHECK(tree("foo[5m/0]", at("3.14")) == "error [6,7): division by zero");
  CHECK(tree("foo[0]", at("3.14")) == "error [4,5): duration must be greater than 0");
  CHECK(tree("foo offset 0s", at("3.4")) == "sel(foo)");
  CHECK(tree("foo offset 0s", at("3.3")) == "error [11,13): duration must be greater than 0");
}

TEST_CASE("promql: aggregations") {
  CHECK(tree("sum by (job) (x)") == "agg(sum by (job), sel(x))");
  CHECK(tree("sum(x) without (instance, job,)") == "agg(sum without (instance, job), sel(x))");
  CHECK(tree("SUM BY (group) (x)") == "agg(sum by (group), sel(x))");
  CHECK(tree("topk(5, x)") == "agg(topk, num(5), sel(x))");
  CHECK(tree("bottomk by (a) (1, x)") == "agg(bottomk by (a), num(1), sel(x))");
  CHECK(tree("quantile(0.9, x)") == "agg(quantile, num(0.9), sel(x))");
  CHECK(tree("count_values(\"v\", x)") == "agg(count_values, str(\"v\"), sel(x))");
  CHECK(tree("stddev(x) + stdvar(x) + group(x) + avg(x) + min(x) + max(x) + count(x)") ==
        "bin(+, bin(+, bin(+, bin(+, bin(+, bin(+, agg(stddev, sel(x)), agg(stdvar, sel(x))), "
        "agg(group, sel(x))), agg(avg, sel(x))), agg(min, sel(x))), agg(max, sel(x))), "
        "agg(count, sel(x)))");
  CHECK(tree("sum by (a:b) (x)", at("3.0")) == "agg(sum by (\"a:b\"), sel(x))");
  CHECK(tree("sum by (\"a.b\") (x)", at("3.0")) == "agg(sum by (\"a.b\"), sel(x))");
  CHECK(tree("sum by (sum, on, bool) (x)") == "agg(sum by (sum, on, bool), sel(x))");
  CHECK(tree("limitk(2, x)", at("3.14", true)) == "agg(limitk, num(2), sel(x))");
  CHECK(tree("limit_ratio(0.5, x)", at("3.14", true)) == "agg(limit_ratio, num(0.5), sel(x))");
}

TEST_CASE("promql: binary operators and vector matching") {
  CHECK(tree("a > bool 1") == "bin(> bool, sel(a), num(1))");
  CHECK(tree("a + on(instance) group_left(job) b") ==
        "bin(+ on (instance) group_left (job), sel(a), sel(b))");
  CHECK(tree("a * ignoring(x) group_right b") ==
        "bin(* ignoring (x) group_right (), sel(a), sel(b))");
  CHECK(tree("a and on() b") == "bin(and on (), sel(a), sel(b))");
  CHECK(tree("1 + 2") == "bin(+, num(1), num(2))");
  CHECK(tree("a unless b") == "bin(unless, sel(a), sel(b))");
  CHECK(tree("a </ b", at("3.11")) == "bin(</, sel(a), sel(b))");
  CHECK(tree("a + fill(0) b", all_features()) ==
        "bin(+ fill_left (0) fill_right (0), sel(a), sel(b))");
  CHECK(tree("fill + fill", all_features()) == "bin(+, sel(fill), sel(fill))");
}

TEST_CASE("promql: functions") {
  CHECK(tree("rate(x[5m])") == "call(rate, matrix(sel(x), 5m))");
  CHECK(tree("time()") == "call(time)");
  CHECK(tree("round(x)") == "call(round, sel(x))");
  CHECK(tree("round(x, 0.5)") == "call(round, sel(x), num(0.5))");
  CHECK(tree("label_join(x, \"d\", \",\", \"a\", \"b\")") ==
        "call(label_join, sel(x), str(\"d\"), str(\",\"), str(\"a\"), str(\"b\"))");
  CHECK(tree("holt_winters(x[5m], 0.5, 0.5)", at("2.42")) ==
        "call(holt_winters, matrix(sel(x), 5m), num(0.5), num(0.5))");
  CHECK(tree("holt_winters(x[5m], 0.5, 0.5)", at("3.0")) ==
        "error [0,12): unknown function with name \"holt_winters\"");
  CHECK(tree("double_exponential_smoothing(x[5m], 0.5, 0.5)", at("3.0", true)) ==
        "call(double_exponential_smoothing, matrix(sel(x), 5m), num(0.5), num(0.5))");
  CHECK(tree("sort_by_label(x, \"a\")", at("3.14")) ==
        "error [0,13): function \"sort_by_label\" is not enabled");
  CHECK(tree("sort_by_label(x, \"a\")", at("2.48", true)) ==
        "error [0,13): unknown function with name \"sort_by_label\"");
  CHECK(tree("first_over_time(x[5m])", at("3.14")) == "call(first_over_time, matrix(sel(x), 5m))");
  CHECK(tree("info(x, {k=\"v\"})", at("3.14", true)) == "call(info, sel(x), sel({k=\"v\"}))");
  CHECK(tree("info(x, {})", at("3.14", true)) == "call(info, sel(x), sel())");
  CHECK(tree("time() - start()", at("3.12", true)) == "bin(-, call(time), call(start))");
  CHECK(tree("start", at("3.12", true)) == "sel(start)");
}
