// SPDX-License-Identifier: Apache-2.0
// PromQL errors: the whole message and its byte range, worded as Prometheus words them; and
// Prometheus's "line:col: parse error:" rendering.
#include <catch2/catch.hpp>

#include "../promql/promql_test_util.h"

using promql_test::at;
using promql_test::prom_error;
using promql_test::tree;

TEST_CASE("promql: lexer errors") {
  CHECK(tree("") == "error [0,0): no expression found in input");
  CHECK(tree("# just a comment\n") == "error [0,0): no expression found in input");
  CHECK(tree(".") == "error [0,1): unexpected character: '.'");
  CHECK(tree("0deadbeef") == "error [0,3): bad number or duration syntax: \"0de\"");
  CHECK(tree("(1))") == "error [4,4): unexpected right parenthesis ')'");
  CHECK(tree("((1)") == "error [4,4): unclosed left parenthesis");
  CHECK(tree("foo[5m") == "error [6,6): unclosed left bracket");
  CHECK(tree("foo{a=\"b\"") == "error [9,9): unexpected end of input inside braces");
  CHECK(tree("foo{a=~b}") ==
        "error [7,8): unexpected identifier \"b\" in label matching, expected string");
  CHECK(tree("foo{a=~/}") == "error [7,8): unexpected character inside braces: '/'");
  CHECK(tree("a =~ b") == "error [2,3): unexpected character after '=': '~'");
  CHECK(tree("a ! b") == "error [2,4): unexpected character after '!': ' '");
  CHECK(tree("\"abc") == "error [0,4): unterminated quoted string");
  CHECK(tree("`abc") == "error [0,4): unterminated raw string");
  CHECK(tree("\"\\c\"") == "error [0,3): unknown escape sequence U+0063 'c'");
  CHECK(tree("\"\\x4g\"") == "error [0,5): illegal character U+0067 'g' in escape sequence");
  CHECK(tree("\"\\ud800\"") == "error [0,7): escape sequence is an invalid Unicode code point");
  CHECK(tree("\"\xff\"") == "error [0,2): invalid UTF-8 rune");
  CHECK(tree("foo[5m][1m]") == "error [7,11): ranges only allowed for vector selectors");
  CHECK(tree("foo[5m:1m:]") == "error [9,10): unexpected colon ':'");
  CHECK(tree("foo[5mx]", at("2.42")) == "error [4,7): bad duration syntax: \"5mx\"");
  CHECK(tree("foo[5mx]") == "error [4,7): bad number or duration syntax: \"5mx\"");
}

TEST_CASE("promql: syntax errors") {
  CHECK(tree("1+") == "error [2,2): unexpected end of input");
  CHECK(tree("*1") == "error [0,1): unexpected <op:*>");
  CHECK(tree("foo bar") == "error [4,7): unexpected identifier \"bar\"");
  CHECK(tree("sum(foo bar)") == "error [8,11): unexpected identifier \"bar\" in aggregation");
  CHECK(tree("some_metric{a=b}") ==
        "error [14,15): unexpected identifier \"b\" in label matching, "
        "expected string");
  CHECK(tree("foo{gibberish}") ==
        "error [13,14): unexpected \"}\" in label matching, expected "
        "label matching operator");
  CHECK(tree("foo{a=\"b\" c=\"d\"}") ==
        "error [10,11): unexpected identifier \"c\" in label matching, expected \",\" or \"}\"");
  CHECK(tree("sum without(==)(x)") ==
        "error [12,14): unexpected <op:==> in grouping opts, expected label");
  CHECK(tree("sum by x") ==
        "error [7,8): unexpected identifier \"x\" in grouping opts, "
        "expected \"(\"");
  CHECK(tree("sum without (a) (x) by (b)") == "error [20,22): unexpected <by>");
  CHECK(tree("a + on(x) ignoring(y) b") == "error [10,18): unexpected <ignoring>");
  CHECK(tree("a + group_left b") == "error [4,14): unexpected <group_left>");
  CHECK(
      tree("foo offset bar") ==
      "error [11,14): unexpected identifier \"bar\" in offset, expected number, duration, step(), "
      "or "
      "range()");
  CHECK(tree("foo offset 5", at("2.42")) ==
        "error [11,12): unexpected number \"5\" in offset, expected duration");
  CHECK(tree("foo @ bar") == "error [6,9): unexpected identifier \"bar\" in @, expected timestamp");
  CHECK(tree("foo[5m:1m 1m]", at("2.42")) ==
        "error [10,12): unexpected duration \"1m\" in subquery selector, expected \"]\"");
  CHECK(tree("rate(x[5m],)") == "error [10,11): trailing commas not allowed in function call args");
  CHECK(tree("predict_linear(x[5m], 1h)", at("2.42")) ==
        "error [20,21): trailing commas not allowed in function call args");
  CHECK(tree("sum by (a:b) (x)", at("2.42")) ==
        "error [8,11): unexpected metric identifier \"a:b\" in grouping opts, expected label");
  CHECK(tree("sum by (\"\") (x)", at("3.2")) ==
        "error [8,10): invalid label name for grouping: \"\"");
}

TEST_CASE("promql: semantic errors found while parsing") {
  CHECK(tree("foo(x)") == "error [0,3): unknown function with name \"foo\"");
  CHECK(tree("Rate(x[5m])") == "error [0,4): unknown function with name \"Rate\"");
  CHECK(tree("topk(x)") ==
        "error [0,7): wrong number of arguments for aggregate expression provided, expected 2, got "
        "1");
  CHECK(tree("sum()") == "error [0,5): no arguments for aggregate expression provided");
  CHECK(tree("limitk(1, x)") ==
        "error [0,12): limitk() is experimental and must be enabled with "
        "--enable-feature=promql-experimental-functions");
  CHECK(tree("limitk(1, x)", at("2.54")) ==
        "error [0,12): limitk() and limit_ratio() are experimental and must be enabled with "
        "--enable-feature=promql-experimental-functions");
  CHECK(tree("foo[0s]", at("2.42")) == "error [4,6): duration must be greater than 0");
  CHECK(tree("foo[5m1h]") == "error [4,8): not a valid duration string: \"5m1h\"");
  CHECK(tree("foo[5y1hs]") == "error [4,9): unknown unit \"hs\" in duration \"5y1hs\"");
  CHECK(tree("foo[5y1hs]", at("2.42")) == "error [4,9): not a valid duration string: \"5y1hs\"");
  CHECK(tree("foo offset 5m offset 1m") == "error [0,13): offset may not be set multiple times");
  CHECK(tree("sum(x) offset 5m") ==
        "error [0,6): offset modifier must be preceded by an instant "
        "vector selector or range vector selector or a subquery");
  CHECK(tree("foo offset 5m [10m]") == "error [14,19): no offset modifiers allowed before range");
  CHECK(tree("foo @ 5 [10m]") == "error [8,13): no @ modifiers allowed before range");
  CHECK(tree("foo @ start() [10m]") == "matrix(sel(foo @=start()), 10m)");
  CHECK(tree("foo @ start() [10m]", at("3.15")) ==
        "error [14,19): no @ modifiers allowed before range");
  CHECK(tree("foo @ 1 @ 2") == "error [0,7): @ <timestamp> may not be set multiple times");
  CHECK(tree("foo @ Inf") == "error [0,3): timestamp out of bounds for @ modifier: +Inf");
  CHECK(tree("foo{a=~\"(\"}") == "error [4,10): error parsing regexp: missing closing ): `(`");
  CHECK(tree("foo{a=~\"(\"}", at("2.42")) ==
        "error [4,10): error parsing regexp: missing closing ): `^(?:()$`");
  CHECK(tree("foo{a=~\"a**\"}") ==
        "error [4,12): error parsing regexp: invalid nested repetition operator: `**`");
  CHECK(tree("foo{a=~\"x{2,1}\"}") ==
        "error [4,15): error parsing regexp: invalid repeat count: `{2,1}`");
  CHECK(tree("foo{a=~\"\\\\C\"}") ==
        "error [4,12): error parsing regexp: invalid escape sequence: `\\C`");
}

TEST_CASE("promql: type errors") {
  CHECK(tree("rate(x)") ==
        "error [5,6): expected type range vector in call to function \"rate\", "
        "got instant vector");
  CHECK(tree("floor(1)") ==
        "error [6,7): expected type instant vector in call to function \"floor\", got scalar");
  CHECK(tree("hour(a, b, c)") ==
        "error [0,13): expected at most 1 argument(s) in call to \"hour\", "
        "got 3");
  CHECK(tree("label_join(x)") ==
        "error [0,13): expected at least 3 argument(s) in call to \"label_join\", got 1");
  CHECK(tree("time(1)") == "error [0,7): expected 0 argument(s) in call to \"time\", got 1");
  CHECK(tree("1 == 1") == "error [2,4): comparisons between scalars must use BOOL modifier");
  CHECK(tree("foo + bool bar") ==
        "error [4,10): bool modifier can only be used on comparison operators");
  CHECK(tree("1 and 1") ==
        "error [0,7): set operator \"and\" not allowed in binary scalar "
        "expression");
  CHECK(tree("foo and on(a) group_left b") ==
        "error [0,26): no grouping allowed for \"and\" operation");
  CHECK(tree("foo[5m] + 1") ==
        "error [0,7): binary expression must contain only scalar and instant vector types");
  CHECK(tree("1 + on(a) foo") ==
        "error [0,13): vector matching only allowed between instant vectors");
  CHECK(tree("a * on(x) group_left(x) b") ==
        "error [2,23): label \"x\" must not occur in ON and GROUP clause at once");
  CHECK(tree("sum(x[5m])") ==
        "error [4,9): expected type instant vector in aggregation expression, got range vector");
  CHECK(tree("topk(\"a\", x)") ==
        "error [5,8): expected type scalar in aggregation parameter, got string");
  CHECK(tree("count_values(1, x)") ==
        "error [13,14): expected type string in aggregation parameter, got scalar");
  CHECK(tree("-\"a\"") ==
        "error [0,4): unary expression only allowed on expressions of type "
        "scalar or instant vector, got \"string\"");
  CHECK(tree("test[5d] OFFSET 10s [10m:5s]") ==
        "error [0,28): subquery is only allowed on instant vector, got matrix instead");
  CHECK(tree("{}") == "error [0,2): vector selector must contain at least one non-empty matcher");
  CHECK(tree("{x=~\".*\"}") ==
        "error [0,9): vector selector must contain at least one non-empty matcher");
  CHECK(tree("{x!~\".+\"}") ==
        "error [0,9): vector selector must contain at least one non-empty matcher");
  CHECK(tree("{x=~\".+\"}") == "sel({x=~\".+\"})");
  CHECK(tree("{x!=\"\"}") == "sel({x!=\"\"})");
  CHECK(tree("foo{__name__=\"bar\"}") ==
        "error [0,19): metric name must not be set twice: \"foo\" or \"bar\"");
  CHECK(tree("info(x, y)", at("3.14", true)) ==
        "error [8,9): expected label selectors only, got vector selector instead");
  CHECK(tree("info(x, {a=\"b\"} == 1)", at("3.14", true)) ==
        "error [8,20): expected label selectors only");
}

TEST_CASE("promql: Prometheus's error rendering") {
  CHECK(prom_error("foo +") == "1:6: parse error: unexpected end of input");
  CHECK(prom_error("foo +\n  bar baz") == "2:7: parse error: unexpected identifier \"baz\"");
  CHECK(prom_error("rate(foo)") ==
        "1:6: parse error: expected type range vector in call to "
        "function \"rate\", got instant vector");
  CHECK(prom_error("foo") == "ok");
}
