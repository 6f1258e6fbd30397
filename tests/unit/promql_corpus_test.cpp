// SPDX-License-Identifier: Apache-2.0
// Data-driven PromQL checks: promtool 2.42's recorded verdicts on Prometheus's own parser test
// inputs (shared/corpus/promql-parse) and on random expressions (tests/promql), and every
// expression of Prometheus's engine tests (shared/corpus/promql-tests) for its version.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <vector>

#include "../promql/promql_test_util.h"

namespace fs = std::filesystem;
using namespace caxtool::promql;

namespace {

const fs::path kSource = CAXTOOL_SOURCE_DIR;
// Copies of shared/corpus kept in the repository, so a fresh clone runs them too.
const fs::path kShared = kSource / "tests" / "corpus";

struct Verdict {
  std::string expr;
  bool valid;
  std::string message;  // promtool's, when recorded
};

// Rows of a TSV with a header: a JSON expression and promtool's exit code, in either order.
std::vector<Verdict> read_verdicts(const fs::path& path, bool expr_first) {
  std::vector<Verdict> out;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    size_t tab = line.find('\t');
    std::string a = line.substr(0, tab), rest = line.substr(tab + 1);
    size_t tab2 = rest.find('\t');
    std::string b = rest.substr(0, tab2);
    std::string message = tab2 == std::string::npos ? "" : rest.substr(tab2 + 1);
    if (expr_first)
      out.push_back({promql_test::json_string(a), b == "0", message});
    else
      out.push_back({promql_test::json_string(b), a == "0", message});
  }
  return out;
}

std::vector<std::string> eval_expressions(const fs::path& dir) {
  static const std::regex kEval(
      R"(^eval\w*\s+(?:instant\s+at\s+\S+|range\s+from\s+\S+\s+to\s+\S+\s+step\s+\S+)\s+(.*)$)");
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path());
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_match(line, m, kEval)) out.push_back(m[1]);
    }
  }
  return out;
}

std::string verdict_mismatches(const std::vector<Verdict>& rows, bool compare_messages) {
  std::string out;
  for (const auto& row : rows) {
    auto r = parse(row.expr, promql_test::at("2.42"));
    if (r.ok() != row.valid) {
      out += row.expr + " -> " + (r.ok() ? "valid" : r.errors.front().message) + "\n";
    } else if (compare_messages && !r.ok() && !row.message.empty()) {
      std::string ours = prometheus_error_string(row.expr, r.errors.front());
      for (char& c : ours)
        if (c == '\n') c = ' ';
      // Go prints "@" as `"<Item 57385>" <op:@>`; we print `<op:@>`.
      if (ours != row.message && row.message.find("<Item ") == std::string::npos)
        out += row.expr + " -> " + ours + " | promtool: " + row.message + "\n";
    }
  }
  return out;
}

}  // namespace

TEST_CASE("promql: Prometheus's parser test inputs get promtool 2.42's verdict") {
  for (const char* name : {"parse-v2.42.0.tsv", "parse-head.tsv"}) {
    fs::path path = kShared / "promql-parse" / name;
    if (!fs::exists(path)) {
      WARN("missing " << path.string());
      continue;
    }
    auto rows = read_verdicts(path, false);
    INFO(name << ": " << rows.size() << " rows");
    CHECK(rows.size() > 250);
    CHECK(verdict_mismatches(rows, false) == "");
  }
}

TEST_CASE("promql: random expressions get promtool 2.42's verdict and message") {
  auto rows = read_verdicts(kSource / "tests" / "promql" / "promtool-2.42-random.tsv", true);
  REQUIRE(rows.size() > 2000);
  CHECK(verdict_mismatches(rows, true) == "");
}

TEST_CASE("promql: every expression of Prometheus's engine tests parses for its version") {
  struct Set {
    const char* dir;
    ParseOptions options;
  };
  for (const Set& set :
       {Set{"v2.42.0", promql_test::at("2.42")}, Set{"head", promql_test::all_features()}}) {
    fs::path dir = kShared / "promql-tests" / set.dir;
    if (!fs::exists(dir)) {
      WARN("missing " << dir.string());
      continue;
    }
    auto exprs = eval_expressions(dir);
    INFO(set.dir << ": " << exprs.size() << " expressions");
    CHECK(exprs.size() > 500);
    std::string failures;
    for (const auto& e : exprs) {
      auto r = parse(e, set.options);
      if (!r.ok()) failures += e + " -> " + r.errors.front().message + "\n";
    }
    CHECK(failures == "");
  }
}
