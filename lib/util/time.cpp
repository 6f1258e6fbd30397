// SPDX-License-Identifier: Apache-2.0
// See time.h. Civil-date arithmetic by hand (Howard Hinnant's days_from_civil), so no time zone
// database or locale is involved.
#include "util/time.h"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "util/duration.h"

namespace caxtool::util {

namespace {

int64_t days_from_civil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

}  // namespace

std::optional<double> parse_rfc3339(std::string_view s) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!digits(s, 0, 4, year) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, month) ||
      s[7] != '-' || !digits(s, 8, 2, day) || (s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !digits(s, 11, 2, hour) || s[13] != ':' || !digits(s, 14, 2, minute) || s[16] != ':' ||
      !digits(s, 17, 2, second)) {
    return std::nullopt;
  }
  static const int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  // Go's time.Parse refuses what does not exist: February 30th, second 60, offset 99:00.
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1] ||
      (month == 2 && day == 29 && !leap) || hour > 23 || minute > 59 || second > 59) {
    return std::nullopt;
  }
  size_t pos = 19;
  double fraction = 0;
  if (pos < s.size() && s[pos] == '.') {
    double scale = 0.1;
    ++pos;
    size_t start = pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      fraction += (s[pos] - '0') * scale;
      scale /= 10;
      ++pos;
    }
    if (pos == start) return std::nullopt;
  }
  int offset = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh = 0, om = 0;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset = (oh * 60 + om) * 60 * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  int64_t days = days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
  int64_t secs = days * 86400 + hour * 3600 + minute * 60 + second - offset;
  return static_cast<double>(secs) + fraction;
}

std::string format_rfc3339(double unix_seconds) {
  double whole = std::floor(unix_seconds);
  auto secs = static_cast<int64_t>(whole);
  int ms = static_cast<int>(std::lround((unix_seconds - whole) * 1000));
  if (ms == 1000) {
    ++secs;
    ms = 0;
  }
  int64_t days = secs >= 0 ? secs / 86400 : (secs - 86399) / 86400;
  int64_t rem = secs - days * 86400;
  int64_t y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days, y, m, d);
  char buf[64];
  if (ms != 0) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%03dZ",
                  static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600),
                  static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60), ms);
  } else {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02lld:%02lld:%02lldZ",
                  static_cast<long long>(y), m, d, static_cast<long long>(rem / 3600),
                  static_cast<long long>(rem / 60 % 60), static_cast<long long>(rem % 60));
  }
  return buf;
}

std::optional<double> parse_time_arg(std::string_view s, double now) {
  if (s == "now") return now;
  if (s.substr(0, 4) == "now-") {
    auto ms = parse_duration_ms(s.substr(4));
    if (!ms) return std::nullopt;
    return now - static_cast<double>(*ms) / 1000.0;
  }
  if (!s.empty() && s.front() == '-') {
    if (auto ms = parse_duration_ms(s.substr(1))) return now - static_cast<double>(*ms) / 1000.0;
  }
  if (auto t = parse_rfc3339(s)) return t;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec == std::errc() && p == s.data() + s.size() && std::isfinite(v)) return v;
  return std::nullopt;
}

std::string format_seconds(double seconds) {
  char buf[64];
  if (!std::isfinite(seconds)) return "-";
  // Choose the unit after rounding, so that 59.96 s is "1m0s" and not "60.0s".
  double a = std::fabs(seconds);
  if (a < 1e-3 && std::round(a * 1e6) < 1000) {
    std::snprintf(buf, sizeof buf, "%.0fus", seconds * 1e6);
  } else if (std::round(a * 1e4) < 1e4) {
    std::snprintf(buf, sizeof buf, "%.1fms", seconds * 1e3);
  } else if (std::round(a * 10) < 600) {
    std::snprintf(buf, sizeof buf, "%.1fs", seconds);
  } else {
    auto s = static_cast<long long>(std::llround(a));
    const char* sign = seconds < 0 ? "-" : "";
    if (s < 3600) {
      std::snprintf(buf, sizeof buf, "%s%lldm%llds", sign, s / 60, s % 60);
    } else if (s < 86400) {
      std::snprintf(buf, sizeof buf, "%s%lldh%lldm", sign, s / 3600, s / 60 % 60);
    } else {
      std::snprintf(buf, sizeof buf, "%s%lldd%lldh", sign, s / 86400, s / 3600 % 24);
    }
  }
  return buf;
}

double unix_now() {
  using namespace std::chrono;
  return duration<double>(system_clock::now().time_since_epoch()).count();
}

}  // namespace caxtool::util
