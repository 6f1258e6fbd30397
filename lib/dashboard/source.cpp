// SPDX-License-Identifier: Apache-2.0
// Shape detection and the offset maps for dashboards embedded in strings. A JSON string maps
// byte by byte through its escapes; a YAML literal block (`|`) maps line by line through its
// indentation, a one-line double-quoted scalar through its escapes; other YAML scalar styles
// map every byte to the scalar's start, which is still the right line.
#include "dashboard/source.h"

#include <algorithm>

#include "yaml/node.h"

namespace caxtool::dashboard {
namespace {

constexpr std::string_view kJsonCheck = "dashboard/json";

size_t skip_space(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')) ++i;
  return i;
}

// Byte offset of a libyaml mark (1-based line, code-point column).
size_t mark_offset(std::string_view text, int line, int column) {
  size_t pos = 0;
  for (int l = 1; l < line && pos < text.size(); ++pos) {
    if (text[pos] == '\n') ++l;
  }
  for (int c = 1; c < column && pos < text.size(); ++c) {
    ++pos;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return pos;
}

class Loader {
 public:
  Loader(std::string_view text, const std::string& file, LoadResult& out)
      : text_(text), file_(file), out_(out), lines_(text) {}

  void run() {
    std::string_view rest = text_.substr(skip_space(text_));
    if (rest.starts_with("{") || rest.starts_with("[") || rest.empty()) {
      Unit u;
      u.json_text = std::string(text_);
      u.doc = json::parse(u.json_text);
      if (!report_json_errors(u)) return;
      from_json_root(std::move(u));
      return;
    }
    from_yaml();
  }

 private:
  void error(size_t offset, std::string message, diag::Severity s = diag::Severity::kError) {
    diag::Diagnostic d;
    d.file = file_;
    lines_.locate(offset, d.line, d.column);
    d.severity = s;
    d.check = std::string(kJsonCheck);
    d.message = std::move(message);
    out_.diagnostics.add(std::move(d));
  }

  bool report_json_errors(const Unit& u) {
    for (const json::ParseError& e : u.doc.errors) {
      error(u.file_offset(e.offset), "malformed JSON: " + e.message);
    }
    return u.doc.ok();
  }

  // The root of a JSON file: which shape is it?
  void from_json_root(Unit u) {
    const json::Value& root = u.doc.root;
    if (!root.is_object()) {
      error(u.file_offset(root.begin), "expected a dashboard object at the top level");
      return;
    }
    std::string_view kind = root.str("kind");
    std::string_view api = root.str("apiVersion");
    if (kind == "ConfigMap" || kind == "GrafanaDashboard") {
      from_resource_json(u, kind);
      return;
    }
    if (!api.empty() && root.get("spec") != nullptr) {
      if (api.find("/v2") != std::string_view::npos) {
        error(u.file_offset(root.begin),
              "dashboard schema " + std::string(api) + " (v2) is not supported yet; skipped",
              diag::Severity::kInfo);
        return;
      }
      u.pointer = "/spec";
    } else if (const json::Value* d = root.get("dashboard"); d != nullptr && d->is_object()) {
      u.pointer = "/dashboard";
    }
    if (u.dashboard().is_object()) out_.units.push_back(std::move(u));
  }

  // A resource in JSON holding dashboards as strings: ConfigMap data values, spec.json.
  void from_resource_json(const Unit& outer, std::string_view kind) {
    const json::Value& root = outer.doc.root;
    auto embed = [&](const json::Value& s) {
      if (!s.is_string()) return;
      Unit u;
      u.json_text = s.text;
      u.to_file.resize(s.text.size() + 1);
      for (size_t i = 0; i <= s.text.size(); ++i) {
        u.to_file[i] = static_cast<uint32_t>(json::string_offset(outer.json_text, s, i));
      }
      add_embedded(std::move(u));
    };
    if (kind == "ConfigMap") {
      const json::Value* data = root.get("data");
      if (data != nullptr && data->is_object()) {
        for (size_t i = 0; i < data->items.size(); ++i) {
          if (data->keys[i].name.ends_with(".json")) embed(data->items[i]);
        }
      }
    } else if (const json::Value* spec = root.get("spec"); spec != nullptr) {
      if (const json::Value* j = spec->get("json")) embed(*j);
    }
  }

  void add_embedded(Unit u) {
    u.doc = json::parse(u.json_text);
    if (!report_json_errors(u)) return;
    if (!u.doc.root.is_object()) {
      error(u.file_offset(u.doc.root.begin), "expected a dashboard object");
      return;
    }
    out_.units.push_back(std::move(u));
  }

  void from_yaml() {
    yaml::ParseResult parsed = yaml::parse(text_, file_);
    if (!parsed.ok()) {
      out_.diagnostics.append(std::move(parsed.diagnostics));
      return;
    }
    for (const yaml::Document& doc : parsed.documents) {
      if (doc.empty || !doc.root.is_mapping()) continue;
      const yaml::Node* kind = doc.root.get("kind");
      std::string_view k = kind != nullptr ? std::string_view(kind->value) : std::string_view();
      if (k == "ConfigMap") {
        const yaml::Node* data = doc.root.get("data");
        if (data == nullptr || !data->is_mapping()) continue;
        for (size_t i = 0; i < data->entry_count(); ++i) {
          if (data->key(i).value.ends_with(".json")) embed_yaml(data->val(i));
        }
      } else if (k == "GrafanaDashboard") {
        const yaml::Node* spec = doc.root.get("spec");
        const yaml::Node* j = spec != nullptr ? spec->get("json") : nullptr;
        if (j != nullptr) embed_yaml(*j);
      }
    }
    if (out_.units.empty() && out_.diagnostics.empty()) {
      error(0, "no dashboard found: expected JSON, or a ConfigMap or GrafanaDashboard holding one",
            diag::Severity::kWarning);
    }
  }

  void embed_yaml(const yaml::Node& n) {
    if (!n.is_scalar()) return;
    Unit u;
    u.json_text = n.value;
    u.to_file.assign(n.value.size() + 1,
                     static_cast<uint32_t>(mark_offset(text_, n.start.line, n.start.column)));
    if (n.style == yaml::Style::kLiteral) map_literal(n, u);
    if (n.style == yaml::Style::kDoubleQuoted) map_double_quoted(n, u);
    add_embedded(std::move(u));
  }

  // A one-line double-quoted scalar escapes like a JSON string (\" \\ \n \uXXXX), so the
  // JSON map applies; a multi-line one (YAML folds its line breaks) keeps the scalar's start.
  void map_double_quoted(const yaml::Node& n, Unit& u) {
    size_t open = mark_offset(text_, n.start.line, n.start.column);
    if (open >= text_.size() || text_[open] != '"') return;
    size_t close = open + 1;
    while (close < text_.size() && text_[close] != '"' && text_[close] != '\n') {
      if (text_[close] == '\\') {
        // YAML-only escapes (\x41, \U0001F600, \N, ...) decode differently: no map then.
        char e = close + 1 < text_.size() ? text_[close + 1] : '\0';
        if (std::string_view("\"\\/bfnrtu").find(e) == std::string_view::npos) return;
        ++close;
      }
      ++close;
    }
    if (close >= text_.size() || text_[close] != '"') return;
    json::Value v;
    v.type = json::Type::kString;
    v.begin = open;
    v.end = close + 1;
    for (size_t i = 0; i <= n.value.size(); ++i) {
      u.to_file[i] = static_cast<uint32_t>(json::string_offset(text_, v, i));
    }
  }

  // A literal block's content line k is file line (indicator line + 1 + k), after its indent.
  void map_literal(const yaml::Node& n, Unit& u) {
    size_t pos = mark_offset(text_, n.start.line, n.start.column);
    pos = text_.find('\n', pos);
    if (pos == std::string_view::npos) return;
    ++pos;
    // The indent is the first non-blank line's.
    size_t probe = pos, indent = 0;
    while (probe < text_.size()) {
      size_t i = probe;
      while (i < text_.size() && text_[i] == ' ') ++i;
      if (i < text_.size() && text_[i] != '\n' && text_[i] != '\r') {
        indent = i - probe;
        break;
      }
      size_t nl = text_.find('\n', probe);
      if (nl == std::string_view::npos) break;
      probe = nl + 1;
    }
    const std::string& v = n.value;
    size_t line_start = pos;
    size_t col = 0;
    for (size_t i = 0; i <= v.size(); ++i) {
      size_t at = std::min(line_start + indent + col, text_.size());
      u.to_file[i] = static_cast<uint32_t>(at);
      if (i < v.size() && v[i] == '\n') {
        size_t nl = text_.find('\n', line_start);
        line_start = nl == std::string_view::npos ? text_.size() : nl + 1;
        col = 0;
      } else {
        ++col;
      }
    }
  }

  std::string_view text_;
  const std::string& file_;
  LoadResult& out_;
  LineIndex lines_;
};

}  // namespace

size_t Unit::file_offset(size_t json_offset) const {
  if (to_file.empty()) return json_offset;
  return to_file[std::min(json_offset, to_file.size() - 1)];
}

const json::Value& Unit::dashboard() const {
  const json::Value* d = pointer.empty() ? &doc.root : doc.root.get(pointer.substr(1));
  return d != nullptr ? *d : doc.root;
}

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

void LineIndex::locate(size_t offset, int& line, int& column) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  size_t l = static_cast<size_t>(it - starts_.begin());  // 1-based
  size_t start = starts_[l - 1];
  int col = 1;
  for (size_t i = start; i < offset; ++i) {
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++col;
  }
  line = static_cast<int>(l);
  column = col;
}

LoadResult load(std::string_view text, const std::string& file) {
  LoadResult out;
  Loader(text, file, out).run();
  return out;
}

}  // namespace caxtool::dashboard
