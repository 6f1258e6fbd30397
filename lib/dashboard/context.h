// SPDX-License-Identifier: Apache-2.0
// What every dashboard check shares while one dashboard is linted: the source and its offset
// maps, the variables, the selected checks and exclusions, and the one place that turns a
// byte range of the dashboard text into a diagnostic or an edit. Internal to lib/dashboard.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dashboard/check.h"
#include "dashboard/source.h"
#include "dashboard/variables.h"

namespace caxtool::dashboard {

struct Panel {
  const json::Value* v = nullptr;
  std::string pointer;
  std::string title;
  std::string id;  // as written, "" when none
  bool top_level = false;
};

// The target a finding is about, for exclusions by panel and target index.
struct Scope {
  const Panel* panel = nullptr;
  int target = -1;
};

class Context {
 public:
  Context(const Unit& unit, const LineIndex& lines, const std::string& file,
          const CheckOptions& options, FileResult& out);

  bool enabled(std::string_view check) const;
  // A finding at bytes [begin, end) of the dashboard text, about the value at `pointer`.
  void report(std::string_view check, size_t begin, size_t end, const std::string& pointer,
              std::string message, std::string hint = {}, Scope scope = {});
  // An edit of bytes [begin, end) of the dashboard text; dropped when it cannot be mapped
  // to contiguous bytes of the file.
  void edit(std::string_view check, size_t begin, size_t end, std::string replacement,
            std::string description, Scope scope = {});
  diag::Diagnostic locate(size_t begin, size_t end) const;
  // The dashboard-text offset of byte i of string value v.
  size_t string_at(const json::Value& v, size_t i) const {
    return json::string_offset(unit.json_text, v, i);
  }

  const Unit& unit;
  const json::Value& dash;
  const std::string& file;
  const CheckOptions& options;
  FileResult& out;
  Variables vars;
  std::string uid, title;
  std::vector<Panel> panels;  // every panel: top level, row children, legacy rows

 private:
  bool excluded(std::string_view check, Scope scope) const;
  const LineIndex& lines_;
};

// The checks, by area.
void check_dashboard_fields(Context& c);
void check_panels(Context& c);
void check_variable_references(Context& c);
void check_datasources(Context& c);
void check_queries(Context& c);

}  // namespace caxtool::dashboard
