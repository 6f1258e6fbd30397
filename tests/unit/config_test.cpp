// SPDX-License-Identifier: Apache-2.0
// The .caxtool.yml reader: each section's keys land in the settings, mistakes at their line.
#include "config/config.h"

#include <catch2/catch.hpp>

using caxtool::config::load_config;

TEST_CASE("config: the collector section") {
  auto r = load_config(
      "collector:\n"
      "  collectorVersion: \"0.140\"\n"
      "  distribution: core\n"
      "  lint: [collector/memory-limiter]\n"
      "  disable: [collector/unused-component]\n"
      "  featureGates: [service.profilesSupport]\n",
      ".caxtool.yml");
  REQUIRE(r.ok());
  const auto& c = r.config.collector;
  CHECK(c.collector_version == "0.140");
  CHECK(c.distribution == "core");
  REQUIRE(c.lint);
  CHECK(*c.lint == std::vector<std::string>{"collector/memory-limiter"});
  CHECK(c.disable == std::vector<std::string>{"collector/unused-component"});
  REQUIRE(c.feature_gates);
  CHECK(c.feature_gates->size() == 1);
}

TEST_CASE("config: collector section mistakes are errors at their line") {
  auto r = load_config("collector:\n  distribution: otelcol\n  featureGate: [x]\n", ".caxtool.yml");
  CHECK_FALSE(r.ok());
  REQUIRE(r.diagnostics.size() == 2);
  CHECK(r.diagnostics.items()[0].line == 2);
  CHECK(r.diagnostics.items()[0].message == "distribution must be core or contrib");
  CHECK(r.diagnostics.items()[1].line == 3);
  CHECK(r.diagnostics.items()[1].hint == "did you mean \"featureGates\"?");
}

TEST_CASE("config: an empty collector section changes nothing") {
  auto r = load_config("collector:\n", ".caxtool.yml");
  CHECK(r.ok());
  CHECK_FALSE(r.config.collector.collector_version);
  CHECK_FALSE(r.config.collector.lint);
  CHECK(r.config.collector.disable.empty());
}
