// SPDX-License-Identifier: Apache-2.0
// Prometheus durations ("1h30m", "5m", "0") and byte sizes ("10GB"), parsed exactly as
// prometheus/common/model does, because every file we write is read by Prometheus.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace caxtool::util {

// Milliseconds, or nullopt if `s` is not a Prometheus duration. Units y w d h m s ms, each at
// most once and in that order; "0" is the zero duration.
std::optional<int64_t> parse_duration_ms(std::string_view s);

// Bytes, or nullopt if `s` is not a Prometheus size: an integer and one of B KB MB GB TB PB EB
// (powers of 1024).
std::optional<uint64_t> parse_size_bytes(std::string_view s);

}  // namespace caxtool::util
