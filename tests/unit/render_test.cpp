// SPDX-License-Identifier: Apache-2.0
#include "diag/render.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using namespace caxtool::diag;

namespace {
Diagnostics one(std::string file = "r.yml") {
  Diagnostics ds;
  Diagnostic d;
  d.file = std::move(file);
  d.line = 2;
  d.column = 8;
  d.end_line = 2;
  d.end_column = 11;
  d.check = "values/type";
  d.message = "expected a port, got \"abc\"";
  d.hint = "ports are 1-65535";
  ds.add(d);
  return ds;
}
}  // namespace

TEST_CASE("render: text shows the source line and a caret under the range") {
  Sources src;
  src.add("r.yml", "a: 1\n\tport: abc\n");
  std::ostringstream out;
  render_text(out, one(), src, false);
  CHECK(out.str() ==
        "r.yml:2:8: error: expected a port, got \"abc\" [values/type]\n"
        " 2 | \tport: abc\n"
        "   | \t      ^~~\n"
        "  hint: ports are 1-65535\n"
        "1 error, 0 warnings\n");
}

TEST_CASE("render: colour only when asked") {
  Sources src;
  std::ostringstream plain, color;
  render_text(plain, one(), src, false);
  render_text(color, one(), src, true);
  CHECK(plain.str().find('\x1b') == std::string::npos);
  CHECK(color.str().find("\x1b[1;31merror:") != std::string::npos);
}

TEST_CASE("render: json has every field of CLI.md") {
  std::ostringstream out;
  render_json(out, one());
  auto doc = nlohmann::json::parse(out.str());
  const auto& d = doc["diagnostics"][0];
  for (const char* key : {"file", "line", "column", "end_line", "end_column", "severity", "check",
                          "message", "hint"}) {
    CHECK(d.contains(key));
  }
  CHECK(doc["summary"]["errors"] == 1);
}

TEST_CASE("render: github annotations escape properties and message") {
  std::ostringstream out;
  render_github(out, one("a,b:c.yml"));
  CHECK(out.str() ==
        "::error file=a%2Cb%3Ac.yml,line=2,col=8,endLine=2,endColumn=11,title=values/type::"
        "expected a port, got \"abc\"%0Aports are 1-65535\n");
}

TEST_CASE("render: sarif 2.1.0 with rules and regions") {
  std::ostringstream out;
  render_sarif(out, one(), "1.2.3");
  auto doc = nlohmann::json::parse(out.str());
  CHECK(doc["version"] == "2.1.0");
  const auto& run = doc["runs"][0];
  CHECK(run["tool"]["driver"]["rules"][0]["id"] == "values/type");
  const auto& res = run["results"][0];
  CHECK(res["level"] == "error");
  CHECK(res["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
  CHECK(res["locations"][0]["physicalLocation"]["region"]["endColumn"] == 11);
}
