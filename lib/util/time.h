// SPDX-License-Identifier: Apache-2.0
// Times as the Prometheus API writes them (RFC 3339 with nanoseconds, Unix seconds) and as
// people read them in a table ("12s ago", "3.4ms").
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace caxtool::util {

// Unix seconds of "2026-11-29T22:05:43.123456789Z" or "...+01:00"; nullopt if not RFC 3339.
std::optional<double> parse_rfc3339(std::string_view s);

// "2026-11-29T22:05:43Z", or with milliseconds when `s` has a fraction.
std::string format_rfc3339(double unix_seconds);

// A time argument as promtool takes it: RFC 3339 or Unix seconds; caxtool also takes "now" and
// "now-1h" / "-1h" (a Prometheus duration before `now`).
std::optional<double> parse_time_arg(std::string_view s, double now);

// 0.0031 -> "3.1ms", 12.5 -> "12.5s", 754 -> "12m34s", 90000 -> "1d1h".
std::string format_seconds(double seconds);

double unix_now();

}  // namespace caxtool::util
