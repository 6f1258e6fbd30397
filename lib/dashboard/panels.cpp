// SPDX-License-Identifier: Apache-2.0
// Panel hygiene: duplicate ids, overlapping or out-of-grid gridPos, missing titles and the
// panel types current Grafana no longer renders.
#include <array>
#include <map>

#include "dashboard/context.h"

namespace caxtool::dashboard {
namespace {

struct Box {
  const Panel* panel;
  int x, y, w, h;
};

bool read_int(const json::Value* v, int& out) {
  if (v == nullptr || v->type != json::Type::kNumber) return false;
  out = std::atoi(v->text.c_str());
  return true;
}

std::optional<Box> box_of(const Panel& p) {
  const json::Value* g = p.v->get("gridPos");
  if (g == nullptr || !g->is_object()) return std::nullopt;
  Box b{&p, 0, 0, 0, 0};
  if (!read_int(g->get("x"), b.x) || !read_int(g->get("y"), b.y) || !read_int(g->get("w"), b.w) ||
      !read_int(g->get("h"), b.h)) {
    return std::nullopt;
  }
  return b;
}

bool overlap(const Box& a, const Box& b) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

std::string describe(const Panel& p) {
  if (!p.title.empty()) return "panel \"" + p.title + "\"";
  return p.id.empty() ? "an untitled panel" : "panel " + p.id;
}

// Overlaps within one layer: the top level, or the children of one collapsed row (their
// gridPos is where they go when the row opens, so they are compared only with each other).
void check_layer(Context& c, const std::vector<const Panel*>& layer) {
  std::vector<Box> boxes;
  for (const Panel* p : layer) {
    if (p->v->get("libraryPanel") != nullptr && p->v->get("gridPos") == nullptr) continue;
    if (auto b = box_of(*p)) boxes.push_back(*b);
  }
  for (size_t i = 0; i < boxes.size(); ++i) {
    const Box& a = boxes[i];
    const json::Value* g = a.panel->v->get("gridPos");
    if (a.x < 0 || a.w <= 0 || a.x + a.w > 24) {
      c.report("dashboard/panel-overlap", g->begin, g->end, a.panel->pointer + "/gridPos",
               describe(*a.panel) + " does not fit the 24-column grid (x " + std::to_string(a.x) +
                   ", w " + std::to_string(a.w) + ")",
               "keep x + w within 24", {a.panel, -1});
    }
    for (size_t j = 0; j < i; ++j) {
      if (!overlap(a, boxes[j])) continue;
      c.report("dashboard/panel-overlap", g->begin, g->end, a.panel->pointer + "/gridPos",
               describe(*a.panel) + " overlaps " + describe(*boxes[j].panel) + " (" +
                   boxes[j].panel->pointer + ")",
               "move one of them; Grafana pushes overlapping panels down", {a.panel, -1});
      break;
    }
  }
}

constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kDeprecated{{
    {"graph", "timeseries"},
    {"singlestat", "stat"},
    {"table-old", "table"},
    {"grafana-singlestat-panel", "stat"},
    {"grafana-piechart-panel", "piechart"},
    {"grafana-worldmap-panel", "geomap"},
    {"natel-discrete-panel", "state-timeline"},
    {"grafana-polystat-panel", "a core panel"},
    {"heatmap-new", "heatmap"},
}};

bool has_queries(const json::Value& p) {
  const json::Value* t = p.get("targets");
  return t != nullptr && t->is_array() && !t->items.empty();
}

}  // namespace

void check_panels(Context& c) {
  std::map<std::string, const Panel*> ids;
  std::vector<const Panel*> top;
  std::map<std::string, std::vector<const Panel*>> rows;  // collapsed row pointer -> children
  for (const Panel& p : c.panels) {
    if (!p.id.empty()) {
      auto [it, fresh] = ids.emplace(p.id, &p);
      if (!fresh) {
        const json::Value* id = p.v->get("id");
        c.report("dashboard/panel-id", id->begin, id->end, p.pointer + "/id",
                 describe(p) + " has id " + p.id + ", as " + describe(*it->second) + " (" +
                     it->second->pointer + ")",
                 "give every panel its own id", {&p, -1});
      }
    }
    if (p.top_level) {
      top.push_back(&p);
    } else if (p.pointer.find("/rows/") == std::string::npos) {
      rows[p.pointer.substr(0, p.pointer.rfind("/panels/"))].push_back(&p);
    }
    std::string_view type = p.v->str("type");
    for (const auto& [old, now] : kDeprecated) {
      if (type != old) continue;
      const json::Value* t = p.v->get("type");
      c.report("dashboard/deprecated-panel", t->begin, t->end, p.pointer + "/type",
               describe(p) + " is a " + std::string(old) +
                   " panel, which current Grafana no longer renders",
               "convert it to " + std::string(now), {&p, -1});
    }
    if (p.title.empty() && type != "row" && type != "text" && has_queries(*p.v)) {
      c.report("dashboard/panel-title", p.v->begin, p.v->begin + 1, p.pointer,
               describe(p) + " has queries but no title", "give the panel a title", {&p, -1});
    }
  }
  check_layer(c, top);
  for (const auto& [row, kids] : rows) check_layer(c, kids);
}

}  // namespace caxtool::dashboard
