// SPDX-License-Identifier: Apache-2.0
// The entry point: find the dashboards in a file, collect the panels from every place a
// dashboard keeps them (top level, collapsed rows, legacy rows), run the checks, and the
// dashboard-level ones: uid, title, schemaVersion, refresh, time range, editable.
#include "dashboard/check.h"

#include <algorithm>
#include <map>

#include "dashboard/context.h"
#include "dashboard/lint.h"
#include "util/duration.h"

namespace caxtool::dashboard {

Context::Context(const Unit& u, const LineIndex& lines, const std::string& f, const CheckOptions& o,
                 FileResult& r)
    : unit(u), dash(u.dashboard()), file(f), options(o), out(r), lines_(lines) {
  vars = read_variables(dash, unit.pointer);
  uid = std::string(dash.str("uid"));
  title = std::string(dash.str("title"));
}

bool Context::enabled(std::string_view check) const {
  return options.lints.find(check) != options.lints.end();
}

bool Context::excluded(std::string_view check, Scope scope) const {
  for (const Exclusion& e : options.exclusions) {
    if (!e.check.empty() && e.check != check) continue;
    if (!e.dashboard.empty() && e.dashboard != uid && e.dashboard != title) continue;
    if (!e.file.empty() && !file.ends_with(e.file)) continue;
    if (!e.panel.empty() && scope.panel != nullptr && e.panel != scope.panel->title &&
        e.panel != scope.panel->id) {
      continue;
    }
    if (!e.panel.empty() && scope.panel == nullptr) continue;
    if (e.target && scope.target >= 0 && *e.target != scope.target) continue;
    return true;
  }
  return false;
}

diag::Diagnostic Context::locate(size_t begin, size_t end) const {
  diag::Diagnostic d;
  d.file = file;
  lines_.locate(unit.file_offset(begin), d.line, d.column);
  size_t fe = unit.file_offset(end);
  if (end > begin && fe > unit.file_offset(begin)) lines_.locate(fe, d.end_line, d.end_column);
  return d;
}

void Context::report(std::string_view check, size_t begin, size_t end, const std::string& pointer,
                     std::string message, std::string hint, Scope scope) {
  if (!enabled(check) || excluded(check, scope)) return;
  const LintInfo* info = find_lint(check);
  diag::Diagnostic d = locate(begin, end);
  d.severity = info != nullptr ? info->severity : diag::Severity::kError;
  d.check = std::string(check);
  d.message = (pointer.empty() ? std::string("/") : pointer) + ": " + message;
  d.hint = std::move(hint);
  out.diagnostics.add(std::move(d));
}

void Context::edit(std::string_view check, size_t begin, size_t end, std::string replacement,
                   std::string description, Scope scope) {
  if (!enabled(check) || excluded(check, scope)) return;
  size_t fb = unit.file_offset(begin);
  size_t fe = unit.file_offset(end);
  if (unit.embedded() && (end < begin || fe - fb != end - begin)) return;
  out.edits.push_back({fb, fe, std::move(replacement), std::string(check), std::move(description)});
}

namespace {

std::string id_text(const json::Value* v) {
  // Numbers keep their text as written, strings their value: either way a comparable key.
  if (v == nullptr || v->is_null()) return "";
  return v->text;
}

void collect_panels(Context& c) {
  auto add = [&](const json::Value& p, std::string pointer, bool top) {
    if (!p.is_object()) return;
    c.panels.push_back(
        {&p, std::move(pointer), std::string(p.str("title")), id_text(p.get("id")), top});
  };
  const std::string& base = c.unit.pointer;
  if (const json::Value* rows = c.dash.get("rows"); rows && rows->is_array()) {
    for (size_t r = 0; r < rows->items.size(); ++r) {
      const json::Value* ps = rows->items[r].get("panels");
      if (ps == nullptr || !ps->is_array()) continue;
      for (size_t i = 0; i < ps->items.size(); ++i) {
        add(ps->items[i], base + "/rows/" + std::to_string(r) + "/panels/" + std::to_string(i),
            false);
      }
    }
  }
  const json::Value* ps = c.dash.get("panels");
  if (ps == nullptr || !ps->is_array()) return;
  for (size_t i = 0; i < ps->items.size(); ++i) {
    std::string p = base + "/panels/" + std::to_string(i);
    add(ps->items[i], p, true);
    const json::Value* kids = ps->items[i].get("panels");
    if (kids == nullptr || !kids->is_array()) continue;
    for (size_t k = 0; k < kids->items.size(); ++k) {
      add(kids->items[k], p + "/panels/" + std::to_string(k), false);
    }
  }
}

bool absolute_time(std::string_view t) {
  return !t.empty() && t.find("now") == std::string_view::npos;
}

}  // namespace

void check_dashboard_fields(Context& c) {
  const json::Value& d = c.dash;
  const std::string& p = c.unit.pointer;
  const json::Value* uid = d.get("uid");
  if (uid == nullptr || !uid->is_string() || uid->text.empty()) {
    c.report("dashboard/uid", uid ? uid->begin : d.begin, uid ? uid->end : d.begin + 1,
             uid ? p + "/uid" : p, "the dashboard has no uid",
             "set a stable \"uid\" so links to the dashboard survive re-provisioning");
  }
  const json::Value* title = d.get("title");
  if (title == nullptr || !title->is_string() || title->text.empty()) {
    c.report("dashboard/title", title ? title->begin : d.begin, title ? title->end : d.begin + 1,
             title ? p + "/title" : p, "the dashboard has no title");
  }
  const json::Value* schema = d.get("schemaVersion");
  if (schema == nullptr) {
    c.report("dashboard/schema-version", d.begin, d.begin + 1, p, "schemaVersion is missing",
             "open the dashboard in a current Grafana and save it");
  } else {
    double v = std::atof(schema->text.c_str());
    if ((schema->type == json::Type::kNumber || schema->is_string()) && v < 36) {
      c.report("dashboard/schema-version", schema->begin, schema->end, p + "/schemaVersion",
               "schemaVersion " + schema->text + " predates Grafana 8.5 (36)",
               "open the dashboard in a current Grafana and save it");
    }
  }
  if (const json::Value* e = d.get("editable"); e == nullptr || e->text == "true") {
    c.report("dashboard/editable", e ? e->begin : d.begin, e ? e->end : d.begin + 1,
             e ? p + "/editable" : p, "the dashboard is editable in the UI",
             "set \"editable\": false for a dashboard provisioned from files");
  }
  if (const json::Value* r = d.get("refresh"); r && r->is_string() && !r->text.empty()) {
    auto ms = util::parse_duration_ms(r->text);
    if (ms && *ms > 0 && c.options.scrape_interval_ms > 0 && *ms < c.options.scrape_interval_ms) {
      c.report("dashboard/refresh", r->begin, r->end, p + "/refresh",
               "refresh every " + r->text + " is shorter than the " +
                   std::to_string(c.options.scrape_interval_ms / 1000) + "s scrape interval",
               "refresh at most as often as Prometheus scrapes (or set --scrape-interval)");
    }
  }
  const json::Value* t = d.get("time");
  if (t == nullptr || !t->is_object()) {
    c.report("dashboard/time-range", d.begin, d.begin + 1, p, "no default time range (time)");
  } else {
    for (std::string_view k : {"from", "to"}) {
      const json::Value* x = t->get(k);
      if (x != nullptr && x->is_string() && absolute_time(x->text)) {
        c.report("dashboard/time-range", x->begin, x->end, p + "/time/" + std::string(k),
                 "the default time range is absolute (" + x->text + ")",
                 "use a relative range such as now-6h");
      }
    }
  }
}

FileResult check_file(std::string_view text, const std::string& file, const CheckOptions& options) {
  FileResult out;
  LoadResult loaded = load(text, file);
  out.diagnostics.append(std::move(loaded.diagnostics));
  LineIndex lines(text);
  for (const Unit& unit : loaded.units) {
    Context c(unit, lines, file, options, out);
    ++out.dashboards;
    for (const json::ParseError& dup : unit.doc.duplicates) {
      c.report("dashboard/duplicate-key", dup.offset, dup.offset + 1, "", dup.message,
               "Grafana keeps the last one; remove the other");
    }
    if (!c.uid.empty()) {
      const json::Value* u = c.dash.get("uid");
      diag::Diagnostic where = c.locate(u->begin, u->end);
      where.message = c.unit.pointer + "/uid";
      out.uids.push_back({c.uid, std::move(where)});
    }
    collect_panels(c);
    out.panels += c.panels.size();
    check_dashboard_fields(c);
    check_panels(c);
    check_variable_references(c);
    check_datasources(c);
    check_queries(c);
  }
  std::sort(out.edits.begin(), out.edits.end(),
            [](const Edit& a, const Edit& b) { return a.begin < b.begin; });
  // Two checks may want the same bytes; the first edit wins, the other waits for a rerun.
  std::vector<Edit> kept;
  for (Edit& e : out.edits) {
    if (!kept.empty() && e.begin < kept.back().end) continue;
    kept.push_back(std::move(e));
  }
  out.edits = std::move(kept);
  out.diagnostics.sort();
  return out;
}

void check_duplicate_uids(const std::vector<Site>& uids, diag::Diagnostics& out) {
  std::map<std::string, const Site*> first;
  for (const Site& s : uids) {
    auto [it, fresh] = first.emplace(s.name, &s);
    if (fresh) continue;
    diag::Diagnostic d = s.where;
    d.severity = diag::Severity::kError;
    d.check = "dashboard/duplicate-uid";
    d.message = s.where.message + ": uid \"" + s.name + "\" is also the uid of " +
                it->second->where.file + ":" + std::to_string(it->second->where.line);
    d.hint = "give every dashboard its own uid";
    out.add(std::move(d));
  }
}

std::string apply_edits(std::string_view text, const std::vector<Edit>& edits) {
  std::string out;
  size_t at = 0;
  for (const Edit& e : edits) {
    if (e.begin < at || e.end > text.size()) continue;
    out.append(text.substr(at, e.begin - at));
    out += e.replacement;
    at = e.end;
  }
  out.append(text.substr(at));
  return out;
}

}  // namespace caxtool::dashboard
