// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "util/diff.h"
#include "util/duration.h"
#include "util/strings.h"

using namespace caxtool::util;

TEST_CASE("duration: Prometheus units, order and zero") {
  CHECK(parse_duration_ms("0") == 0);
  CHECK(parse_duration_ms("5m") == 300000);
  CHECK(parse_duration_ms("1h30m") == 5400000);
  CHECK(parse_duration_ms("1d2h3m4s5ms") == 93784005);
  CHECK(parse_duration_ms("2w") == 14LL * 86400000);
  CHECK_FALSE(parse_duration_ms(""));
  CHECK_FALSE(parse_duration_ms("5"));
  CHECK_FALSE(parse_duration_ms("30m1h"));
  CHECK_FALSE(parse_duration_ms("1.5h"));
  CHECK_FALSE(parse_duration_ms("5mm"));
  CHECK_FALSE(parse_duration_ms("-5m"));
  CHECK_FALSE(parse_duration_ms("99999999999999999999y"));
}

TEST_CASE("duration: sizes are powers of 1024") {
  CHECK(parse_size_bytes("10GB") == 10ULL << 30);
  CHECK(parse_size_bytes("512MB") == 512ULL << 20);
  CHECK(parse_size_bytes("1B") == 1);
  CHECK_FALSE(parse_size_bytes("10G"));
  CHECK_FALSE(parse_size_bytes("GB"));
  CHECK_FALSE(parse_size_bytes("10 GB"));
  CHECK_FALSE(parse_size_bytes("99999999999EB"));
}

TEST_CASE("strings: did-you-mean allows about one typo in three characters") {
  std::string_view names[] = {"completion", "generate"};
  CHECK(closest_match("genrate", names) == "generate");
  CHECK(closest_match("complet", names) == "completion");
  CHECK(closest_match("xyz", names).empty());
  CHECK(is_label_name("agent_type"));
  CHECK_FALSE(is_label_name("1abc"));
  CHECK_FALSE(is_label_name("a:b"));
  CHECK(is_metric_name("caxton:errors:rate5m"));
}

TEST_CASE("diff: unified hunks like diff -u") {
  CHECK(unified_diff("a\nb\n", "a\nb\n", "x", "y").empty());
  CHECK(unified_diff("", "a\nb\n", "/dev/null", "b/f") ==
        "--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  std::string old_text, new_text;
  for (int i = 1; i <= 20; ++i) {
    old_text += std::to_string(i) + "\n";
    new_text += (i == 10 ? std::string("ten") : std::to_string(i)) + "\n";
  }
  CHECK(unified_diff(old_text, new_text, "a/f", "b/f") ==
        "--- a/f\n+++ b/f\n@@ -7,7 +7,7 @@\n 7\n 8\n 9\n-10\n+ten\n 11\n 12\n 13\n");
  CHECK(unified_diff("x", "y", "a", "b") ==
        "--- a\n+++ b\n@@ -1 +1 @@\n-x\n\\ No newline at end of file\n+y\n\\ No newline at end of "
        "file\n");
}
