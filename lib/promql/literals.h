// SPDX-License-Identifier: Apache-2.0
// PromQL literals read and written the way Go and prometheus/common do: numbers through
// strconv.ParseInt/ParseFloat, durations through model.ParseDuration, strings with Go escapes
// and strconv.Quote. A verdict that differs from Prometheus's starts with a literal read
// differently, so each rule here follows the Go source, not intuition.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace caxtool::promql::detail {

// strconv.ParseInt(s, 0, 64), falling back to strconv.ParseFloat(s, 64), as Prometheus's
// parser reads a NUMBER token. On failure, `error` receives Go's message
// ("strconv.ParseFloat: parsing \"1e\": invalid syntax").
std::optional<double> parse_number(std::string_view s, std::string* error);

// model.ParseDuration: units y w d h m s ms, each once and largest first; "0" is zero.
// Nanoseconds. `unknown_unit_message` selects the message of prometheus/common >= 0.42.
std::optional<int64_t> parse_duration(std::string_view s, bool unknown_unit_message,
                                      std::string* error);

// model.Duration.String(): "1h30m", "0s", "90d" (years and weeks only when exact).
std::string format_duration(int64_t nanoseconds);

// strconv.FormatFloat(v, 'f', -1, 64), with "+Inf", "-Inf" and "NaN".
std::string format_float(double v);

// The value of a string token whose escapes the lexer has already validated ("..." '...' or
// `...`), with its quotes.
std::string unquote(std::string_view token);

// strconv.Quote: a double-quoted Go string literal.
std::string go_quote(std::string_view s);

// %q of a rune: 'a', '\n', '\x00'.
std::string go_quote_rune(char32_t r);

// %#U of a rune: U+0063 'c'.
std::string go_unicode_rune(char32_t r);

// Decodes one UTF-8 sequence at s[i]; returns U+FFFD with width 1 for an invalid one, as Go's
// utf8.DecodeRuneInString does.
char32_t decode_rune(std::string_view s, size_t i, size_t* width);

// Whether `s` is valid UTF-8.
bool valid_utf8(std::string_view s);

// [a-zA-Z_][a-zA-Z0-9_]*
bool is_legacy_label_name(std::string_view s);

}  // namespace caxtool::promql::detail
