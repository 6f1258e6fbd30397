// SPDX-License-Identifier: Apache-2.0
// Renders diagnostics. Text is for people at a terminal (caret under the column, colour only
// when asked), the other three are for machines and are kept byte-stable for golden tests.
#include "diag/render.h"

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace caxtool::diag {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kYellow = "\x1b[1;33m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[1;32m";
constexpr std::string_view kReset = "\x1b[0m";

std::string_view severity_color(Severity s) {
  switch (s) {
    case Severity::kError:
      return kRed;
    case Severity::kWarning:
      return kYellow;
    case Severity::kInfo:
      return kCyan;
  }
  return kRed;
}

// The caret line: columns count characters, so pad by code points, and keep tabs so the caret
// lines up under tab-indented source.
std::string caret_padding(std::string_view line, int column) {
  std::string pad;
  int chars = 0;
  for (size_t i = 0; i < line.size() && chars < column - 1; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad += c == '\t' ? '\t' : ' ';
    ++chars;
  }
  return pad;
}

int count_chars(std::string_view s) {
  int n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

int caret_width(const Diagnostic& d, std::string_view line) {
  if (d.end_line != d.line || d.end_column <= d.column) return 1;
  int max = count_chars(line) - d.column + 1;
  return std::max(1, std::min(d.end_column - d.column, max));
}

std::string summary_text(size_t errors, size_t warnings) {
  auto plural = [](size_t n, std::string_view word) {
    return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
  };
  return plural(errors, "error") + ", " + plural(warnings, "warning");
}

// GitHub workflow commands escape %, CR and LF in the message, and also : and , in properties.
std::string github_escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "text") return Format::kText;
  if (name == "json") return Format::kJson;
  if (name == "github") return Format::kGithub;
  if (name == "sarif") return Format::kSarif;
  return std::nullopt;
}

void render(std::ostream& out, const Diagnostics& diags, const Sources& sources,
            const RenderOptions& options) {
  switch (options.format) {
    case Format::kText:
      render_text(out, diags, sources, options.color);
      return;
    case Format::kJson:
      render_json(out, diags);
      return;
    case Format::kGithub:
      render_github(out, diags);
      return;
    case Format::kSarif:
      render_sarif(out, diags, options.tool_version);
      return;
  }
}

// Each finding is put together in one reused buffer and written at once: tens of thousands of
// findings made of a dozen stream insertions and temporaries each cost more than the check.
void render_text(std::ostream& out, const Diagnostics& diags, const Sources& sources, bool color) {
  render_text_items(out, diags, sources, color);
  if (!diags.empty()) {
    out << summary_text(diags.count(Severity::kError), diags.count(Severity::kWarning)) << '\n';
  }
}

void render_text_items(std::ostream& out, const Diagnostics& diags, const Sources& sources,
                       bool color) {
  std::string buf;
  auto paint = [color, &buf](std::string_view code, auto&&... text) {
    if (color) buf += code;
    (buf += ... += text);
    if (color) buf += kReset;
  };
  for (const Diagnostic& d : diags.items()) {
    buf.clear();
    if (!d.file.empty() || d.line > 0) {
      if (d.line > 0) {
        paint(kBold, d.file, ":", std::to_string(d.line), ":", std::to_string(d.column), ":");
      } else {
        paint(kBold, d.file, ":");
      }
      buf += ' ';
    }
    paint(severity_color(d.severity), severity_name(d.severity), ":");
    buf += ' ';
    buf += d.message;
    if (!d.check.empty()) (((buf += " [") += d.check) += ']');
    buf += '\n';
    if (auto line = sources.line(d.file, d.line)) {
      std::string num = std::to_string(d.line);
      ((((buf += ' ') += num) += " | ") += *line) += '\n';
      ((buf += ' ').append(num.size(), ' ') += " | ") += caret_padding(*line, d.column);
      if (color) buf += kGreen;
      buf += '^';
      buf.append(static_cast<size_t>(caret_width(d, *line) - 1), '~');
      if (color) buf += kReset;
      buf += '\n';
    }
    if (!d.hint.empty()) ((buf += "  hint: ") += d.hint) += '\n';
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  }
}

StreamRenderer::StreamRenderer(std::ostream& out, const Sources& sources, RenderOptions options)
    : out_(out), sources_(sources), options_(options) {}

void StreamRenderer::add(Diagnostics&& batch) {
  for (Severity s : {Severity::kInfo, Severity::kWarning, Severity::kError}) {
    counts_[static_cast<size_t>(s)] += batch.count(s);
  }
  switch (options_.format) {
    case Format::kText:
      render_text_items(out_, batch, sources_, options_.color);
      return;
    case Format::kGithub:
      render_github(out_, batch);
      return;
    case Format::kJson:
    case Format::kSarif:
      held_.append(std::move(batch));
      return;
  }
}

void StreamRenderer::finish() {
  switch (options_.format) {
    case Format::kText:
      if (counts_[0] + counts_[1] + counts_[2] > 0) {
        out_ << summary_text(counts_[static_cast<size_t>(Severity::kError)],
                             counts_[static_cast<size_t>(Severity::kWarning)])
             << '\n';
      }
      return;
    case Format::kGithub:
      return;
    case Format::kJson:
    case Format::kSarif:
      render(out_, held_, sources_, options_);
      return;
  }
}

bool StreamRenderer::has_at_least(Severity s) const {
  for (size_t i = static_cast<size_t>(s); i < 3; ++i) {
    if (counts_[i] > 0) return true;
  }
  return false;
}

// Streamed one diagnostic at a time: a DOM of tens of thousands of findings would cost more
// memory than the check that found them.
void render_json(std::ostream& out, const Diagnostics& diags) {
  auto str = [](const std::string& s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  };
  out << "{\n  \"diagnostics\": [";
  bool first = true;
  for (const Diagnostic& d : diags.items()) {
    out << (first ? "\n" : ",\n") << "    {\"file\": " << str(d.file) << ", \"line\": " << d.line
        << ", \"column\": " << d.column << ", \"end_line\": " << d.end_line
        << ", \"end_column\": " << d.end_column << ", \"severity\": \"" << severity_name(d.severity)
        << "\", \"check\": " << str(d.check) << ", \"message\": " << str(d.message)
        << ", \"hint\": " << str(d.hint) << "}";
    first = false;
  }
  out << (first ? "" : "\n  ")
      << "],\n  \"summary\": {\"errors\": " << diags.count(Severity::kError)
      << ", \"warnings\": " << diags.count(Severity::kWarning)
      << ", \"infos\": " << diags.count(Severity::kInfo) << "}\n}\n";
}

void render_github(std::ostream& out, const Diagnostics& diags) {
  for (const Diagnostic& d : diags.items()) {
    std::string_view cmd = d.severity == Severity::kError     ? "error"
                           : d.severity == Severity::kWarning ? "warning"
                                                              : "notice";
    out << "::" << cmd << ' ';
    std::string props;
    auto prop = [&props](std::string_view key, const std::string& value) {
      if (!props.empty()) props += ',';
      props += std::string(key) + "=" + value;
    };
    if (!d.file.empty()) prop("file", github_escape(d.file, true));
    if (d.line > 0) {
      prop("line", std::to_string(d.line));
      prop("col", std::to_string(d.column));
      if (d.end_line > 0) {
        prop("endLine", std::to_string(d.end_line));
        prop("endColumn", std::to_string(d.end_column));
      }
    }
    if (!d.check.empty()) prop("title", github_escape(d.check, true));
    std::string message = d.message;
    if (!d.hint.empty()) message += "\n" + d.hint;
    out << props << "::" << github_escape(message, false) << '\n';
  }
}

void render_sarif(std::ostream& out, const Diagnostics& diags, std::string_view tool_version) {
  using Json = nlohmann::ordered_json;
  std::set<std::string> rule_ids;
  for (const Diagnostic& d : diags.items()) rule_ids.insert(d.check.empty() ? "caxtool" : d.check);
  Json rules = Json::array();
  std::map<std::string, size_t> rule_index;
  for (const std::string& id : rule_ids) {
    rule_index[id] = rules.size();
    rules.push_back({{"id", id}});
  }
  Json results = Json::array();
  for (const Diagnostic& d : diags.items()) {
    std::string id = d.check.empty() ? "caxtool" : d.check;
    std::string_view level = d.severity == Severity::kError     ? "error"
                             : d.severity == Severity::kWarning ? "warning"
                                                                : "note";
    std::string text = d.message;
    if (!d.hint.empty()) text += " (" + d.hint + ")";
    Json result = {{"ruleId", id},
                   {"ruleIndex", rule_index[id]},
                   {"level", level},
                   {"message", {{"text", text}}}};
    if (!d.file.empty()) {
      Json physical = {{"artifactLocation", {{"uri", d.file}}}};
      if (d.line > 0) {
        Json region = {{"startLine", d.line}, {"startColumn", std::max(1, d.column)}};
        if (d.end_line >= d.line && d.end_line > 0) {
          region["endLine"] = d.end_line;
          region["endColumn"] = std::max(1, d.end_column);
        }
        physical["region"] = region;
      }
      result["locations"] = Json::array({{{"physicalLocation", physical}}});
    }
    results.push_back(result);
  }
  Json doc = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs",
       Json::array(
           {{{"tool",
              {{"driver",
                {{"name", "caxtool"}, {"version", std::string(tool_version)}, {"rules", rules}}}}},
             {"columnKind", "unicodeCodePoints"},
             {"results", results}}})}};
  out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace caxtool::diag
