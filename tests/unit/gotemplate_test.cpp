// SPDX-License-Identifier: Apache-2.0
// The template parser against what promtool says. Every verdict for 2.42 (Go 1.19) here was
// checked with Debian's promtool 2.42, and tests/gotemplate/diff_promtool.py checks thousands
// more by hand; the verdicts for other releases follow their template.go, rulefmt.go and Go's
// text/template/parse sources.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gotemplate/functions.h"
#include "gotemplate/lexer.h"
#include "gotemplate/literals.h"
#include "gotemplate/template.h"
#include "gotemplate/unicode.h"

namespace gt = caxtool::gotemplate;

namespace {

gt::CheckOptions version(int major, int minor) {
  gt::CheckOptions o;
  o.major = major;
  o.minor = minor;
  return o;
}

const gt::CheckOptions kPrometheus242 = version(2, 42);

// "begin-end: message" of the first error, or "ok".
std::string first_error(std::string_view text, const gt::CheckOptions& options = kPrometheus242) {
  auto errors = gt::check(text, options);
  if (errors.empty()) return "ok";
  const auto& e = errors.front();
  return std::to_string(e.begin) + "-" + std::to_string(e.end) + ": " + e.message;
}

// The tokens, one per kind and value: a lexer test is one string comparison.
std::string dump_tokens(std::string_view text) {
  gt::LexResult r = gt::lex(text);
  std::string out;
  for (const auto& t : r.tokens) {
    if (!out.empty()) out += ' ';
    out += std::string(gt::token_name(t.type));
    if (t.type == gt::TokenType::kError) {
      out += "(" + r.error + ")";
    } else if (t.type != gt::TokenType::kEof) {
      out += "[" + std::string(text.substr(t.begin, t.end - t.begin)) + "]";
    }
  }
  return out;
}

std::string joined(const std::vector<gt::Reference>& refs) {
  std::string out;
  for (const auto& r : refs) {
    if (!out.empty()) out += ' ';
    out += r.text + "@" + std::to_string(r.begin);
  }
  return out;
}

}  // namespace

TEST_CASE("gotemplate: the templates Prometheus users write parse") {
  const char* valid[] = {
      "plain text, no actions",
      "{{ $labels.instance }} of job {{ $labels.job }} is down",
      "{{ .Labels.job }} {{ .Value }} {{ .ExternalURL }} {{ .ExternalLabels.cluster }}",
      "{{ $value | humanizePercentage }} {{ humanizeDuration $value }} {{ $externalURL }}",
      "{{ printf \"%.2f\" $value }} {{ printf `%s` \"x\" }}",
      "{{ if gt $value 80.0 }}high{{ else if gt $value 50.0 }}mid{{ else }}low{{ end }}",
      "{{ range $i, $e := query \"up\" }}{{ $i }}{{ $e.Labels.job }}{{ end }}",
      "{{ with query \"up\" }}{{ . | first | value | humanize }}{{ else }}none{{ end }}",
      "{{ range . }}{{ if . }}{{ break }}{{ end }}{{ continue }}{{ end }}",
      "{{ define \"x\" }}a{{ end }}{{ template \"x\" . }}{{ template \"undefined is fine\" }}",
      "{{ block \"b\" . }}body{{ end }}",
      "{{/* a comment */}}{{- /* trimmed */ -}}",
      "{{- $value -}} {{-3}} {{ 3 -}}",
      "{{ 1_000 }} {{ 0x1F }} {{ 0o17 }} {{ 017 }} {{ 0b101 }} {{ 0x1p-2 }} {{ 1e3 }} {{ .5 }}",
      "{{ 1i }} {{ 1+2i }} {{ -1+2.5e3i }} {{ 'a' }} {{ '\\n' }} {{ '\\U0001F600' }} {{ 'é' }}",
      "{{ \"\\x41\\u00e9\\101\\a\\\\\" }} {{ `raw \\q` }} {{ true }} {{ nil | print }}",
      "{{ $x := 1 }}{{ $x = 2 }}{{ $x }} {{ $y := $y }} {{ $never = 3 }}",
      "{{ if $x := 1 }}{{ $z := 2 }}{{ else }}{{ $x }}{{ $z }}{{ end }}",
      "{{ ($p := 1) }}{{ $p }} {{ print (print (print 1)) }} {{ (print 1).Foo }}",
      "{{ print\n1\n}}",  // Go 1.16+: line breaks inside actions
      "{{ $é := 1 }}{{ $é }} {{ .é }}",
      "{{ print | printf \"%s\" }} {{ print | }}",
      "a }} b {{ print \"}}\" }} {",
  };
  for (const char* text : valid) {
    INFO(text);
    CHECK(first_error(text) == "ok");
  }
}

TEST_CASE("gotemplate: errors name the problem and its byte range") {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"{{ foo }}", "3-6: function \"foo\" is not defined in Prometheus templates"},
      {"{{ humanise $value }}",
       "3-11: function \"humanise\" is not defined in Prometheus templates; did you mean "
       "\"humanize\"?"},
      {"Instance {{ $label.foo }} down",
       "12-18: undefined variable \"$label\"; did you mean \"$labels\"?"},
      {"{{ define \"x\" }}{{ $labels }}{{ end }}",
       "19-26: undefined variable \"$labels\" (a {{define}} or {{block}} body sees only its own "
       "variables)"},
      {"{{ break }}", "3-8: {{break}} outside {{range}}"},
      {"{{ range . }}{{ else }}{{ continue }}{{ end }}", "26-34: {{continue}} outside {{range}}"},
      {"x {{ if . }}y", "5-7: unclosed {{if}}: missing {{end}}"},
      {"{{ end }}",
       "3-6: unexpected {{end}}: no {{if}}, {{range}}, {{with}}, {{define}} or "
       "{{block}} to close"},
      {"{{ else }}", "3-7: unexpected {{else}} outside {{if}}, {{range}} or {{with}}"},
      {"{{ if 1 }}{{ else }}{{ else }}{{ end }}",
       "23-27: expected {{end}}; found a second {{else}}"},
      {"{{ with 1 }}{{ else if 2 }}{{ end }}", "20-22: unexpected <if> in input"},
      {"{{ $labels.job", "0-2: unclosed action: no \"}}\" before the end of the template"},
      {"{{/* x", "0-4: unclosed comment: no \"*/\" after \"/*\""},
      {"{{/* x */ }}",
       "7-9: comment ends before closing delimiter: \"*/\" must be followed by \"}}\""},
      {"{{ \"abc }}", "3-10: unterminated quoted string"},
      {"{{ `abc }}", "3-10: unterminated raw quoted string"},
      {"{{ 'a }}", "3-8: unterminated character constant"},
      {"{{ 'ab' }}", "3-7: malformed character constant 'ab': one character only"},
      {"{{ \"\\q\" }}", "3-7: invalid escape in string \"\\\"\\\\q\\\"\""},
      {"{{ 1x }}", "3-5: bad number syntax: \"1x\""},
      {"{{ 089 }}", "3-6: invalid number \"089\": a leading 0 makes it octal, which has no 8 or 9"},
      {"{{ 1__0 }}", "3-7: illegal number syntax: \"1__0\""},
      {"{{ 1e400 }}", "3-8: illegal number syntax: \"1e400\""},
      {"{{ 18446744073709551616 }}",
       "3-23: integer overflow: \"18446744073709551616\" does not fit in 64 bits"},
      {"{{ 0x1+2i }}", "3-9: invalid complex number \"0x1+2i\""},
      {"{{ $x=1 }}", "5-6: bad character U+003D '=' after \"$x\""},
      {"{{ print\u00a01 }}", "8-10: bad character U+00A0 (no-break space) after \"print\""},
      {"{{\u00a0print 1 }}", "2-4: unrecognized character in action: U+00A0 (no-break space)"},
      {"{{ print (1 }}", "9-10: unclosed left paren: no \")\" before \"}}\""},
      {"{{ print 1) }}", "10-11: unexpected \")\" in command"},
      {"{{ humanize(1) }}",
       "11-12: unexpected \"(\" right after an argument; separate arguments with spaces"},
      {"{{ $labels :1 }}", "11-12: expected \":=\" after \":\""},
      // Go reports the undefined variable, which it meets before the bad ":".
      {"{{ $x :1 }}", "3-5: undefined variable \"$x\""},
      {"{{ print := 1 }}", "9-11: unexpected \":=\" in command"},
      {"{{ }}", "3-5: missing value for command"},
      {"{{ if }}{{ end }}", "6-8: missing value for if"},
      {"{{ print | 1 }}",
       "11-12: non executable command in pipeline stage 2: a constant cannot take the value "
       "piped into it"},
      {"{{ \"x\".Foo }}", "6-10: unexpected . after term \"\\\"x\\\"\": a constant has no fields"},
      {"{{ range $i, $e, $f := . }}{{ end }}", "15-16: too many declarations in range"},
      {"{{ range $i, 1 }}{{ end }}", "11-12: range can only initialize variables"},
      {"{{ define x }}{{ end }}", "10-11: unexpected \"x\" in define clause"},
      {"{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }}",
       "36-39: template \"x\" is defined twice"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(first_error(c.text) == c.error);
  }
}

TEST_CASE("gotemplate: messages quote template text on one line") {
  CHECK(first_error("{{ define `a\nb` }}x{{ end }}{{ define `a\nb` }}y{{ end }}") ==
        "38-43: template `a\\nb` is defined twice");
  CHECK(first_error("{{ 'a\rb' }}") ==
        "3-8: malformed character constant 'a\\rb': one character only");
  CHECK(gt::quoted("a\"\x01\xff\u2028", 10) == "\"a\\\"\\x01\\xff\\u2028\"");
  CHECK(gt::quoted("0123456789abc", 10) == "\"0123456789\"...");
}

TEST_CASE("gotemplate: a blank definition neither clashes nor replaces") {
  CHECK(first_error("{{ define \"x\" }}a{{ end }}{{ define \"x\" }} \n{{ end }}") == "ok");
  CHECK(first_error("{{ define \"x\" }} {{ end }}{{ define \"x\" }}b{{ end }}") == "ok");
}

TEST_CASE("gotemplate: a definition may not take the template's own name") {
  gt::CheckOptions o = kPrometheus242;
  o.template_name = "__alert_HighLoad";
  CHECK(first_error("{{ define \"__alert_HighLoad\" }}x{{ end }}", o) ==
        "10-28: template \"__alert_HighLoad\" has the name Prometheus gives this template itself");
  CHECK(first_error("{{ block \"__alert_HighLoad\" . }}x{{ end }}", o) != "ok");
  CHECK(first_error("{{ define \"__alert_HighLoad\" }} {{ end }}", o) == "ok");
  CHECK(first_error("{{ define \"__alert_Other\" }}x{{ end }}", o) == "ok");
}

TEST_CASE("gotemplate: errors that leave the structure intact are all reported") {
  auto errors = gt::check("{{ foo $x }} {{ 089 }} {{ $value }} {{ bar }}", kPrometheus242);
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].message == "function \"foo\" is not defined in Prometheus templates");
  CHECK(errors[1].message == "undefined variable \"$x\"");
  CHECK(errors[2].begin == 16);
  CHECK(errors[3].message == "function \"bar\" is not defined in Prometheus templates");
  // A structural error stops the parser, as it stops Go's.
  CHECK(gt::check("{{ foo }}{{ end }}{{ bar }}", kPrometheus242).size() == 2);
}

TEST_CASE("gotemplate: functions follow the Prometheus version") {
  CHECK(first_error("{{ toTime 1 }}", version(2, 38)) == "ok");
  CHECK(first_error("{{ toTime 1 }}", version(2, 37)) ==
        "3-9: function \"toTime\" is not defined in Prometheus templates before 2.38");
  CHECK(first_error("{{ stripDomain \"a\" }}", version(2, 35)) != "ok");
  CHECK(first_error("{{ stripDomain \"a\" }}", version(2, 36)) == "ok");
  CHECK(first_error("{{ now }}", kPrometheus242) ==
        "3-6: function \"now\" is not defined in Prometheus templates before 3.6");
  CHECK(first_error("{{ now | toDuration }}", version(3, 6)) == "ok");
  CHECK(first_error("{{ urlQueryEscape \"a b\" }}", version(3, 7)) != "ok");
  CHECK(first_error("{{ urlQueryEscape \"a b\" }}", version(3, 8)) == "ok");
  CHECK(first_error("{{ 0.5 | humanizePercentage }}", version(2, 10)) != "ok");
  // Only for HTML console templates, never for rule templates.
  CHECK(first_error("{{ tmpl \"x\" . }}", gt::CheckOptions{}) != "ok");
}

TEST_CASE("gotemplate: syntax follows the Go that built the release") {
  // Go 1.18 (Prometheus 2.35) made break and continue keywords.
  CHECK(first_error("{{ range . }}{{ break }}{{ end }}", version(2, 35)) == "ok");
  CHECK(first_error("{{ range . }}{{ break }}{{ end }}", version(2, 34)) ==
        "16-21: function \"break\" is not defined in Prometheus templates");
  // Go 1.16 (Prometheus 2.26) allowed line breaks inside actions.
  CHECK(first_error("{{ print\n1 }}", version(2, 26)) == "ok");
  CHECK(first_error("{{ print\n1 }}", version(2, 25)) ==
        "0-2: unclosed action: no \"}}\" on the same line (this Go version ends actions at a "
        "line break)");
  CHECK(first_error("{{ `a\nb` }}{{/* a\nb */}}", version(2, 25)) == "ok");
  // Go 1.23 (Prometheus 2.55 and 3.x) added {{else with}}.
  const char* else_with = "{{ with .A }}a{{ else with .B }}b{{ end }}";
  CHECK(first_error(else_with, kPrometheus242) == "22-26: unexpected <with> in else");
  CHECK(first_error(else_with, version(3, 0)) == "ok");
  CHECK(first_error("{{ if 1 }}{{ else with 2 }}{{ end }}", version(3, 0)) != "ok");
  CHECK(gt::go_minor_version({2, 42}) == 19);
  CHECK(gt::go_minor_version({3, 0}) == 23);
}

TEST_CASE("gotemplate: the prelude's variables, and none before promtool checked templates") {
  CHECK(first_error("{{ $externalURL }}", version(2, 28)) == "ok");
  CHECK(first_error("{{ $externalURL }}", version(2, 27)) ==
        "3-15: undefined variable \"$externalURL\"");
  gt::CheckOptions bare = kPrometheus242;
  bare.prometheus_prelude = false;
  CHECK(first_error("{{ $labels }}", bare) == "3-10: undefined variable \"$labels\"");
  CHECK(first_error("{{ $ }}", bare) == "ok");
  // promtool check rules parses templates from 2.5 on.
  CHECK(first_error("{{ end }}", version(2, 4)) == "ok");
}

TEST_CASE("gotemplate: deep nesting is an error, not a crash") {
  std::string deep = "{{ " + std::string(5000, '(') + "1" + std::string(5000, ')') + " }}";
  CHECK(first_error(deep).find("nesting deeper than") != std::string::npos);
  std::string ifs;
  for (int i = 0; i < 5000; ++i) ifs += "{{ if 1 }}";
  CHECK(first_error(ifs).find("nesting deeper than") != std::string::npos);
  std::string chain = "{{ if 1 }}";
  for (int i = 0; i < 5000; ++i) chain += "{{ else if 1 }}";
  CHECK(first_error(chain + "{{ end }}").find("nesting deeper than") != std::string::npos);
  std::string blocks;
  for (int i = 0; i < 5000; ++i) blocks += "{{ block \"b\" . }}";
  CHECK(first_error(blocks).find("nesting deeper than") != std::string::npos);
  std::string ok = "{{ " + std::string(100, '(') + "1" + std::string(100, ')') + " }}";
  CHECK(first_error(ok) == "ok");
}

TEST_CASE("gotemplate: summarize lists what a template reads and calls") {
  auto s = gt::summarize(
      "{{ $labels.instance }} {{ .Labels.job | toUpper }} {{ index $labels \"pod\" }} "
      "{{ with $value }}{{ . | humanize }}{{ $.ExternalURL }}{{ end }}");
  CHECK(joined(s.variables) ==
        "$labels.instance@3 .Labels.job@26 $labels.pod@54 $labels@60 $value@85 $.ExternalURL@115");
  CHECK(s.variables[2].text == "$labels.pod");
  CHECK(s.variables[2].end == 73);
  CHECK(joined(s.functions) == "toUpper@40 index@54 humanize@101");
  // An invalid template gives what came before the error.
  CHECK(joined(gt::summarize("{{ $value }}{{ end }}{{ $labels }}").variables) == "$value@3");
}

TEST_CASE("gotemplate: the lexer follows Go's tokenization") {
  CHECK(dump_tokens("a{{- $x := .Labels.job -}} b") ==
        "text[a] {{[{{] variable[$x] space[ ] :=[:=] space[ ] field[.Labels] field[.job] "
        "}}[}}] text[b] EOF");
  CHECK(dump_tokens("{{-3}}{{- 3}}") == "{{[{{] number[-3] }}[}}] {{[{{] number[3] }}[}}] EOF");
  CHECK(dump_tokens("{{ 1+2i 'x' `r` nil true . $ }}") ==
        "{{[{{] space[ ] complex[1+2i] space[ ] char constant['x'] space[ ] raw string[`r`] "
        "space[ ] nil[nil] space[ ] bool[true] space[ ] .[.] space[ ] variable[$] space[ ] "
        "}}[}}] EOF");
  CHECK(dump_tokens("{{ f (g) | h, }}") ==
        "{{[{{] space[ ] identifier[f] space[ ] ([(] identifier[g] )[)] space[ ] |[|] space[ ] "
        "identifier[h] char[,] space[ ] }}[}}] EOF");
  CHECK(dump_tokens("{{ if }}{{ else }}{{ end }}{{ range }}{{ block }}{{ break }}") ==
        "{{[{{] space[ ] if[if] space[ ] }}[}}] {{[{{] space[ ] else[else] space[ ] }}[}}] "
        "{{[{{] space[ ] end[end] space[ ] }}[}}] {{[{{] space[ ] range[range] space[ ] "
        "}}[}}] {{[{{] space[ ] block[block] space[ ] }}[}}] {{[{{] space[ ] break[break] "
        "space[ ] }}[}}] EOF");
  CHECK(dump_tokens("{{/* c */}}x{{ a") ==
        "text[x] {{[{{] space[ ] identifier[a] error(unclosed action: no \"}}\" before the end "
        "of the template)");
}

TEST_CASE("gotemplate: number literals follow strconv") {
  using gt::TokenType;
  auto ok = [](std::string_view s, TokenType t = TokenType::kNumber) {
    return !gt::check_number(s, t).has_value();
  };
  CHECK(ok("0"));
  CHECK(ok("-0"));
  CHECK(ok("9223372036854775807"));
  CHECK(ok("-9223372036854775808"));
  CHECK(ok("18446744073709551615"));
  CHECK_FALSE(ok("18446744073709551616"));
  CHECK(ok("0x_1F"));
  CHECK(ok("0_17"));
  CHECK_FALSE(ok("0x"));
  CHECK_FALSE(ok("1_"));
  CHECK_FALSE(ok("0x_"));
  CHECK(ok("1.7976931348623157e308"));
  CHECK_FALSE(ok("1.7976931348623159e308"));
  CHECK(ok("1e-400"));
  CHECK(ok("0x1.fffffffffffffp1023"));
  CHECK_FALSE(ok("0x1p1024"));
  CHECK_FALSE(ok("0x1.8"));
  CHECK(ok("1.5i"));
  CHECK(ok("0x1p2i"));
  CHECK_FALSE(ok("0o7i"));
  CHECK(ok("1+2i", TokenType::kComplex));
  CHECK(ok("0x1p1+1i", TokenType::kComplex));
  CHECK_FALSE(ok("1i+2i", TokenType::kComplex));
  CHECK_FALSE(ok("-+2i", TokenType::kComplex));
  CHECK(ok("'\\''", TokenType::kCharConstant));
  CHECK_FALSE(ok("'\\\"'", TokenType::kCharConstant));
  CHECK_FALSE(ok("'\\400'", TokenType::kCharConstant));
  CHECK_FALSE(ok("'\\uD800'", TokenType::kCharConstant));
  CHECK(gt::unquote("\"a\\tb\\u00e9\"") == "a\tb\xc3\xa9");
  CHECK(gt::unquote("`a\r\nb`") == "a\nb");
  CHECK_FALSE(gt::unquote("\"\\'\"").has_value());
}

TEST_CASE("gotemplate: Unicode classes and UTF-8 decoding match Go's") {
  CHECK(gt::is_alphanumeric('_'));
  CHECK(gt::is_alphanumeric(0xE9));          // é
  CHECK(gt::is_alphanumeric(0x0663));        // Arabic-Indic digit three
  CHECK_FALSE(gt::is_alphanumeric(0x216B));  // Roman numeral twelve: Nl, not Nd
  CHECK_FALSE(gt::is_alphanumeric(0xA0));
  CHECK_FALSE(gt::is_alphanumeric(gt::kRuneError));
  CHECK(gt::decode_rune("\xc3\xa9").rune == 0xE9);
  CHECK(gt::decode_rune("\xc0\x80").width == 1);                  // overlong
  CHECK(gt::decode_rune("\xed\xa0\x80").rune == gt::kRuneError);  // surrogate
  CHECK(gt::decode_last_rune("a\xf0\x9f\x98\x80").width == 4);
  CHECK(gt::is_blank(" \t\n\xc2\xa0\xe2\x80\x80"));
  CHECK_FALSE(gt::is_blank(" x "));
}

TEST_CASE("gotemplate: the function table is sorted and complete") {
  auto functions = gt::template_functions();
  CHECK(std::is_sorted(functions.begin(), functions.end(),
                       [](const auto& a, const auto& b) { return a.name < b.name; }));
  CHECK(gt::function_names({2, 42}).size() == 45);
  CHECK(gt::function_names({3, 99}).size() == functions.size());
  CHECK(gt::has_function("humanize", {2, 0}));
  CHECK_FALSE(gt::has_function("break", {3, 99}));
}
