// SPDX-License-Identifier: Apache-2.0
#include "util/time.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

using namespace caxtool::util;

TEST_CASE("time: parse_rfc3339 reads UTC times", "[time]") {
  CHECK(parse_rfc3339("1970-01-01T00:00:00Z") == 0.0);
  CHECK(parse_rfc3339("2001-09-09T01:46:40Z") == 1000000000.0);
  CHECK(parse_rfc3339("2009-02-13T23:31:30Z") == 1234567890.0);
  CHECK(parse_rfc3339("2026-11-29T22:05:43Z") == 1795989943.0);
  CHECK(parse_rfc3339("2024-02-29T00:00:00Z") == 1709164800.0);  // leap day
  CHECK(parse_rfc3339("2000-03-01T00:00:00Z") == 951868800.0);   // after a 400-year leap day
  CHECK(parse_rfc3339("2100-12-31T23:59:59Z") == 4133980799.0);
  CHECK(parse_rfc3339("1969-12-31T23:59:59Z") == -1.0);
  CHECK(parse_rfc3339("1900-01-01T00:00:00Z") == -2208988800.0);
  // RFC 3339 allows a lower-case t and z, and a space between date and time.
  CHECK(parse_rfc3339("2009-02-13t23:31:30z") == 1234567890.0);
  CHECK(parse_rfc3339("2009-02-13 23:31:30Z") == 1234567890.0);
}

TEST_CASE("time: parse_rfc3339 applies offsets", "[time]") {
  CHECK(parse_rfc3339("2009-02-14T00:31:30+01:00") == 1234567890.0);
  CHECK(parse_rfc3339("2009-02-13T18:31:30-05:00") == 1234567890.0);
  CHECK(parse_rfc3339("2009-02-14T05:01:30+05:30") == 1234567890.0);
  CHECK(parse_rfc3339("2009-02-13T23:31:30+00:00") == 1234567890.0);
  CHECK(parse_rfc3339("2009-02-13T23:31:30-00:00") == 1234567890.0);
}

TEST_CASE("time: parse_rfc3339 keeps fractions down to nanoseconds", "[time]") {
  auto ns = parse_rfc3339("2009-02-13T23:31:30.123456789Z");
  REQUIRE(ns);
  CHECK(*ns == Approx(1234567890.123456789).margin(1e-6));
  CHECK(*ns - 1234567890.0 == Approx(0.123456789).margin(1e-6));
  auto ms = parse_rfc3339("2009-02-13T23:31:30.5+01:00");
  REQUIRE(ms);
  CHECK(*ms == 1234567890.5 - 3600);
  auto one_ns = parse_rfc3339("1970-01-01T00:00:00.000000001Z");
  REQUIRE(one_ns);
  CHECK(*one_ns == Approx(1e-9).margin(1e-12));
  CHECK(*one_ns > 0);
}

TEST_CASE("time: parse_rfc3339 rejects what is not RFC 3339", "[time]") {
  for (const char* bad : {
           "",
           "now",
           "1234567890",
           "2009-02-13",
           "2009-02-13T23:31:30",       // no zone
           "2009-02-13T23:31Z",         // no seconds
           "2009-02-13T23:31:30.Z",     // empty fraction
           "2009-02-13T23:31:30,5Z",    // comma fraction
           "2009-02-13T23:31:30+0100",  // offset without colon
           "2009-02-13T23:31:30+01",    // short offset
           "2009-02-13T23:31:30+01:0",  // short offset minutes
           "2009-02-13T23:31:30Zjunk",  // trailing text
           "2009-02-13T23:31:30Z ",     // trailing space
           "2009-02-13X23:31:30Z",      // bad separator
           "2009/02/13T23:31:30Z",      // bad date separator
           "2009-02-13T23-31-30Z",      // bad time separator
           "09-02-13T23:31:30Z",        // two-digit year
           "2009-2-13T23:31:30Z",       // one-digit month
           "2009-13-01T00:00:00Z",      // month 13
           "2009-00-01T00:00:00Z",      // month 0
           "2009-02-00T00:00:00Z",      // day 0
           "2009-01-32T00:00:00Z",      // day 32
           "2009-02-13T24:00:00Z",      // hour 24
           "2009-02-13T23:60:00Z",      // minute 60
           "2009-02-13T23:59:61Z",      // second 61
           "abcd-02-13T23:31:30Z",
           "2009-02-13T23:31:30.123",  // fraction without zone
           "\xff\xff\xff\xff-02-13T23:31:30Z",
       }) {
    INFO("'" << bad << "'");
    CHECK_FALSE(parse_rfc3339(bad));
  }
}

TEST_CASE("time: parse_rfc3339 rejects dates and offsets that do not exist", "[time]") {
  CHECK_FALSE(parse_rfc3339("2023-02-29T00:00:00Z"));
  CHECK(parse_rfc3339("2024-02-29T00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2023-02-30T00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2023-04-31T00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("1900-02-29T00:00:00Z"));
  CHECK(parse_rfc3339("2000-02-29T00:00:00Z"));
  CHECK_FALSE(parse_rfc3339("2023-01-01T00:00:60Z"));
  CHECK_FALSE(parse_rfc3339("2023-01-01T00:00:00+99:00"));
  CHECK_FALSE(parse_rfc3339("2023-01-01T00:00:00+01:60"));
}

TEST_CASE("time: format_seconds rounds before it picks the unit", "[time]") {
  CHECK(format_seconds(59.96) == "1m0s");
  CHECK(format_seconds(0.99996) == "1.0s");
  CHECK(format_seconds(0.0009996) == "1.0ms");
  CHECK(format_seconds(59.94) == "59.9s");
}

TEST_CASE("time: format_rfc3339 writes UTC, with milliseconds only when there are any", "[time]") {
  CHECK(format_rfc3339(0) == "1970-01-01T00:00:00Z");
  CHECK(format_rfc3339(1234567890) == "2009-02-13T23:31:30Z");
  CHECK(format_rfc3339(1234567890.5) == "2009-02-13T23:31:30.500Z");
  CHECK(format_rfc3339(1234567890.001) == "2009-02-13T23:31:30.001Z");
  CHECK(format_rfc3339(1709164800) == "2024-02-29T00:00:00Z");
  CHECK(format_rfc3339(-1) == "1969-12-31T23:59:59Z");
  CHECK(format_rfc3339(-0.5) == "1969-12-31T23:59:59.500Z");
  CHECK(format_rfc3339(-86400) == "1969-12-31T00:00:00Z");
  CHECK(format_rfc3339(-2208988800.0) == "1900-01-01T00:00:00Z");
  // Rounding to the millisecond carries into the second.
  CHECK(format_rfc3339(1.9996) == "1970-01-01T00:00:02Z");
  CHECK(format_rfc3339(59.9999) == "1970-01-01T00:01:00Z");
  CHECK(format_rfc3339(86399.9999) == "1970-01-02T00:00:00Z");
  CHECK(format_rfc3339(0.0004) == "1970-01-01T00:00:00Z");
}

TEST_CASE("time: format_rfc3339 and parse_rfc3339 round-trip", "[time]") {
  for (const char* s : {"1970-01-01T00:00:00Z", "2009-02-13T23:31:30Z", "2024-02-29T12:34:56.789Z",
                        "2000-02-29T23:59:59.999Z", "1999-12-31T23:59:59Z", "2038-01-19T03:14:08Z",
                        "2100-03-01T00:00:00.001Z", "1969-07-20T20:17:40Z"}) {
    auto t = parse_rfc3339(s);
    REQUIRE(t);
    CHECK(format_rfc3339(*t) == s);
  }
  for (double t : {0.0, 1.0, 951782400.0, 1700000000.25, 1795989943.0, -12345.75, 4133980799.0}) {
    auto back = parse_rfc3339(format_rfc3339(t));
    REQUIRE(back);
    CHECK(*back == Approx(t).margin(1e-6));
  }
  // An offset is normalised to UTC.
  auto t = parse_rfc3339("2009-02-14T00:31:30+01:00");
  REQUIRE(t);
  CHECK(format_rfc3339(*t) == "2009-02-13T23:31:30Z");
}

TEST_CASE("time: parse_time_arg takes now, durations before now, RFC 3339 and Unix seconds",
          "[time]") {
  const double now = 1700000000.5;
  CHECK(parse_time_arg("now", now) == now);
  CHECK(parse_time_arg("now-1h", now) == now - 3600);
  CHECK(parse_time_arg("now-1h30m", now) == now - 5400);
  CHECK(parse_time_arg("now-0", now) == now);
  CHECK(parse_time_arg("now-250ms", now) == Approx(now - 0.25));
  CHECK(parse_time_arg("-5m", now) == now - 300);
  CHECK(parse_time_arg("-1d", now) == now - 86400);
  CHECK(parse_time_arg("2009-02-13T23:31:30Z", now) == 1234567890.0);
  CHECK(parse_time_arg("2009-02-14T00:31:30.5+01:00", now) == 1234567890.5);
  CHECK(parse_time_arg("1234567890", now) == 1234567890.0);
  CHECK(parse_time_arg("1234567890.25", now) == 1234567890.25);
  CHECK(parse_time_arg("0", now) == 0.0);
  CHECK(parse_time_arg("1.7e9", now) == 1.7e9);
}

TEST_CASE("time: parse_time_arg rejects garbage", "[time]") {
  const double now = 1700000000;
  for (const char* bad :
       {"", "yesterday", "now-", "now-1", "now-1x", "now+1h", "now - 1h", "NOW", "-", "-5x", "1h",
        "12abc", " 12", "12 ", "inf", "nan", "1e999", "2009-02-13", "0x10"}) {
    INFO("'" << bad << "'");
    CHECK_FALSE(parse_time_arg(bad, now));
  }
}

TEST_CASE("time: format_seconds picks a unit a person reads", "[time]") {
  CHECK(format_seconds(0.0031) == "3.1ms");
  CHECK(format_seconds(12.5) == "12.5s");
  CHECK(format_seconds(754) == "12m34s");
  CHECK(format_seconds(90000) == "1d1h");
  CHECK(format_seconds(0.00025) == "250us");
  CHECK(format_seconds(0) == "0us");
  CHECK(format_seconds(0.5) == "500.0ms");
  CHECK(format_seconds(1) == "1.0s");
  CHECK(format_seconds(60) == "1m0s");
  CHECK(format_seconds(3600) == "1h0m");
  CHECK(format_seconds(7322) == "2h2m");
  CHECK(format_seconds(86400) == "1d0h");
  CHECK(format_seconds(-754) == "-12m34s");
  CHECK(format_seconds(-0.0031) == "-3.1ms");
  CHECK(format_seconds(-12.5) == "-12.5s");
  CHECK(format_seconds(std::numeric_limits<double>::quiet_NaN()) == "-");
  CHECK(format_seconds(std::numeric_limits<double>::infinity()) == "-");
  CHECK(format_seconds(-std::numeric_limits<double>::infinity()) == "-");
}

TEST_CASE("time: unix_now is the current time", "[time]") {
  double now = unix_now();
  CHECK(now > 1700000000.0);  // after November 2023
  CHECK(now < 4102444800.0);  // before 2100
  CHECK(unix_now() >= now);
}
