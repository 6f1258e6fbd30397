// SPDX-License-Identifier: Apache-2.0
#include "generate/generate.h"

#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <random>
#include <set>

#include "generate/template.h"
#include "generate/values_schema.h"
#include "yaml/node.h"

using namespace caxtool::generate;
using caxtool::ExitCode;

namespace {

GenerateResult dry(std::vector<std::string> sets, std::vector<std::string> only = {}) {
  GenerateOptions o;
  o.sets = std::move(sets);
  o.only = std::move(only);
  o.dry_run = true;
  o.out_dir = "/nonexistent/caxtool-test";
  return run_generate(o);
}

// Every scalar of a parsed file, YAML or JSON, so a test can ask "did the value survive?".
void scalars_of_yaml(const caxtool::yaml::Node& n, std::vector<std::string>& out) {
  if (n.is_scalar()) out.push_back(n.value);
  for (const auto& c : n.children) scalars_of_yaml(c, out);
}
void scalars_of_json(const nlohmann::json& j, std::vector<std::string>& out) {
  if (j.is_string()) out.push_back(j.get<std::string>());
  if (j.is_structured()) {
    for (const auto& c : j) scalars_of_json(c, out);
  }
}

bool appears(const std::string& needle, const std::vector<std::string>& scalars) {
  for (const auto& s : scalars) {
    if (s.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("generate: the defaults render every kind and parse back") {
  GenerateResult r = dry({});
  REQUIRE(r.code == ExitCode::kOk);
  std::set<std::string> kinds;
  for (const auto& f : r.files) kinds.insert(f.kind);
  CHECK(kinds == std::set<std::string>(std::begin(kKinds), std::end(kKinds)));
  CHECK(kind_of("prometheus/rules/caxton.rules.yml") == "rules");
  CHECK(kind_of("prometheus/tests/caxton.rules.test.yml") == "rules");
  CHECK(kind_of("prometheus/prometheus.yml") == "prometheus");
  CHECK(kind_of("grafana/dashboards/x.json") == "grafana");
}

TEST_CASE("generate: --only selects kinds, and rejects unknown ones as usage errors") {
  GenerateResult r = dry({}, {"alertmanager"});
  REQUIRE(r.code == ExitCode::kOk);
  REQUIRE(r.files.size() == 1);
  CHECK(r.files[0].path == "alertmanager/alertmanager.yml");
  CHECK(dry({}, {"alertmanger"}).code == ExitCode::kUsage);
}

// Property: any string value, however awkward, comes out of every template escaped, so every
// file parses and the value itself survives intact where it lands.
TEST_CASE("generate: awkward strings survive every template (property)") {
  const std::string alphabet[] = {"\"", "'",  ":",        " #",           "\n", "\\", "{{", "}}",
                                  "{%", "%}", "\xc3\xa9", "\xe2\x9c\x93", "$",  "`",  "&",  "*",
                                  "!",  "|",  ">",        "- ",           "[",  "]",  ",",  "\t",
                                  "x",  "y",  "1",        "\xc2\x85"};
  std::mt19937 rng(20261125);
  std::vector<std::string_view> string_fields;
  for (const FieldSpec& f : values_schema()) {
    if (f.type == ValueType::kString || f.type == ValueType::kLabelValue) {
      string_fields.push_back(f.path);
    }
  }
  REQUIRE(string_fields.size() >= 5);
  for (int round = 0; round < 40; ++round) {
    std::vector<std::string> sets;
    std::vector<std::string> values;
    for (std::string_view field : string_fields) {
      std::string v = "v";
      size_t len = 1 + rng() % 8;
      for (size_t k = 0; k < len; ++k) v += alphabet[rng() % std::size(alphabet)];
      values.push_back(v);
      // --set reads YAML: quote with the escaping the templates use (JSON's would leave NEL raw,
      // which YAML folds into a space, rightly).
      sets.push_back(std::string(field) + "=" + yaml_quote(v));
    }
    sets.push_back("identity.externalLabels.note=" + yaml_quote(values[0]));
    for (const char* b : {"datadog", "newrelic", "cloudwatch"}) {
      sets.push_back(std::string("backends.") + b + ".enabled=true");
    }
    GenerateResult r = dry(sets);
    INFO("round " << round);
    for (const auto& d : r.diagnostics.items()) INFO(d.file << ": " << d.message);
    REQUIRE(r.code == ExitCode::kOk);
    std::vector<std::string> scalars;
    for (const auto& f : r.files) {
      if (f.path.size() > 5 && f.path.substr(f.path.size() - 5) == ".json") {
        scalars_of_json(nlohmann::json::parse(f.content), scalars);
      } else {
        auto parsed = caxtool::yaml::parse(f.content, f.path);
        REQUIRE(parsed.ok());
        std::vector<std::string> found;
        for (const auto& doc : parsed.documents) scalars_of_yaml(doc.root, found);
        // The collector and Grafana's provisioning expand $NAME and ${NAME}; a literal $ is
        // written $$ there, so undo that before looking for the value.
        bool expands =
            f.path.rfind("collector/", 0) == 0 || f.path.rfind("grafana/provisioning/", 0) == 0;
        for (std::string& v : found) {
          if (expands) {
            for (size_t p = v.find("$$"); p != std::string::npos; p = v.find("$$", p + 1)) {
              v.erase(p, 1);
            }
          }
          scalars.push_back(std::move(v));
        }
      }
    }
    for (size_t i = 0; i < values.size(); ++i) {
      INFO("field " << string_fields[i] << " value " << nlohmann::json(values[i]).dump());
      CHECK(appears(values[i], scalars));
    }
  }
}
