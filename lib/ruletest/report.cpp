// SPDX-License-Identifier: Apache-2.0
// Failure texts and reports. The text report is byte for byte what promtool prints (stdout gets
// "Unit Testing:" and SUCCESS, stderr gets FAILED and the errors), so users diffing a CI log
// against an old promtool run see no change; JSON and JUnit carry the same texts.
#include "ruletest/report.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "promql/literals.h"
#include "ruletest/rule_eval.h"
#include "tsdb/go_duration.h"

namespace caxtool::ruletest {
namespace {

namespace ev = promql::eval;

std::string indent_lines(const std::string& lines, const std::string& indent) {
  std::string out;
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t nl = lines.find('\n', start);
    if (!first) out += indent;
    first = false;
    out += lines.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (nl == std::string::npos) break;
    out += '\n';
    start = nl + 1;
  }
  return out;
}

std::string alerts_text(const std::vector<AlertText>& la) {
  if (la.empty()) return "[]";
  auto one = [](const AlertText& a) {
    return "Labels:" + ev::format_labels(a.labels) +
           "\nAnnotations:" + ev::format_labels(a.annotations);
  };
  std::string s = "[\n0:" + indent_lines("\n" + one(la[0]), "  ");
  for (size_t i = 1; i < la.size(); ++i) {
    s += ",\n" + std::to_string(i) + ":" + indent_lines("\n" + one(la[i]), "  ");
  }
  return s + "\n]";
}

std::string xml_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&#34;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += "&#xA;";
        break;
      case '\t':
        out += "&#x9;";
        break;
      case '\r':
        out += "&#xD;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::vector<std::string> file_errors(const FileOutcome& f) {
  std::vector<std::string> errs;
  if (!f.abort_error.empty()) errs.push_back(f.abort_error);
  for (const diag::Diagnostic& d : f.diagnostics.items()) {
    if (d.severity != diag::Severity::kError) continue;
    if (d.check == "test/series") continue;  // reported again by its group, in promtool's words
    // A refused test file is reported once, as promtool words it (abort_error).
    if (!f.abort_error.empty() && (d.check == "test/syntax" || d.check == "yaml/syntax")) continue;
    errs.push_back(d.file + ":" + std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                   d.message);
  }
  return errs;
}

}  // namespace

void sort_alerts(std::vector<AlertText>& alerts) {
  std::sort(alerts.begin(), alerts.end(), [](const AlertText& a, const AlertText& b) {
    int c = detail::compare_labels(a.labels, b.labels);
    if (c != 0) return c < 0;
    return detail::compare_labels(a.annotations, b.annotations) < 0;
  });
}

void sort_samples(std::vector<SampleText>& samples) {
  // promtool: sort.Slice with `labels.Compare(a, b) <= 0` as less. Go sorts 12 items or fewer
  // by insertion, which with that less moves each sample in front of the equal ones before it:
  // samples with equal labels come out reversed. (Longer lists go through pdqsort, whose order
  // of equal items is not modelled; a query never returns two series with equal labels.)
  if (samples.size() <= 12) {
    for (size_t i = 1; i < samples.size(); ++i) {
      for (size_t j = i;
           j > 0 && detail::compare_labels(samples[j].labels, samples[j - 1].labels) <= 0; --j)
        std::swap(samples[j], samples[j - 1]);
    }
    return;
  }
  std::stable_sort(samples.begin(), samples.end(), [](const SampleText& a, const SampleText& b) {
    return detail::compare_labels(a.labels, b.labels) < 0;
  });
}

bool samples_equal(const std::vector<SampleText>& a, const std::vector<SampleText>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].labels != b[i].labels) return false;
    if (!(a[i].value == b[i].value)) return false;
    if (a[i].histogram != b[i].histogram) return false;
  }
  return true;
}

std::string alert_failure(const std::string& group_name, const std::string& alertname,
                          const std::string& time, const std::vector<AlertText>& exp,
                          const std::vector<AlertText>& got) {
  std::string name = group_name.empty() ? "" : "    name: " + group_name + ",\n";
  return name + "    alertname: " + alertname + ", time: " + time +
         ", \n        exp:" + indent_lines(alerts_text(exp), "            ") +
         ", \n        got:" + indent_lines(alerts_text(got), "            ");
}

std::string samples_text(const std::vector<SampleText>& samples) {
  if (samples.empty()) return "nil";
  std::string s;
  for (const SampleText& x : samples) {
    if (!s.empty()) s += ", ";
    s += ev::format_labels(x.labels) + " " +
         (x.histogram.empty() ? format_float_e(x.value) : x.histogram);
  }
  return s;
}

std::string go_duration(int64_t ms) { return tsdb::go_duration_string(ms * 1'000'000); }

std::string format_float_e(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string s(buf, end);
  for (char& c : s) {
    if (c == 'e') c = 'E';
  }
  return s;
}

TextReport text_report(const std::vector<FileOutcome>& files) {
  TextReport r;
  for (const FileOutcome& f : files) {
    r.out += "Unit Testing:  " + f.file + "\n";
    std::vector<std::string> errs = file_errors(f);
    for (const GroupOutcome& g : f.groups)
      errs.insert(errs.end(), g.errors.begin(), g.errors.end());
    if (errs.empty()) {
      r.out += "  SUCCESS\n";
    } else {
      r.err += "  FAILED:\n";
      for (const std::string& e : errs) {
        r.err += e + "\n";
        r.out += "\n";
      }
    }
    r.out += "\n";
  }
  return r;
}

std::string json_report(const std::vector<FileOutcome>& files) {
  std::string s = "{\"files\":[";
  for (size_t i = 0; i < files.size(); ++i) {
    const FileOutcome& f = files[i];
    if (i) s += ",";
    s += "{\"file\":" + json_string(f.file) + ",\"passed\":" + (f.passed() ? "true" : "false");
    s += ",\"errors\":[";
    std::vector<std::string> errs = file_errors(f);
    for (size_t j = 0; j < errs.size(); ++j) s += (j ? "," : "") + json_string(errs[j]);
    s += "],\"tests\":[";
    for (size_t j = 0; j < f.groups.size(); ++j) {
      const GroupOutcome& g = f.groups[j];
      s += std::string(j ? "," : "") + "{\"name\":" + json_string(g.name) +
           ",\"passed\":" + (g.passed() ? "true" : "false") + ",\"failures\":[";
      for (size_t k = 0; k < g.errors.size(); ++k) s += (k ? "," : "") + json_string(g.errors[k]);
      s += "]}";
    }
    s += "]}";
  }
  return s + "]}\n";
}

std::string junit_report(const std::vector<FileOutcome>& files, const std::string& timestamp) {
  std::string s = "<testsuites>";
  for (const FileOutcome& f : files) {
    size_t failures = 0;
    for (const GroupOutcome& g : f.groups) failures += g.errors.size();
    std::vector<std::string> errs = file_errors(f);
    size_t cases = f.groups.size() + (errs.empty() || !f.groups.empty() ? 0 : 1);
    s += "<testsuite name=\"" + xml_escape(f.file) + "\" tests=\"" + std::to_string(cases) +
         "\" failures=\"" + std::to_string(failures) + "\" errors=\"" +
         std::to_string(errs.empty() ? 0 : 1) + "\" skipped=\"0\" timestamp=\"" +
         (errs.empty() ? timestamp : "") + "\">";
    for (const GroupOutcome& g : f.groups) {
      s += "<testcase name=\"" + xml_escape(g.name) + "\">";
      for (const std::string& e : g.errors) s += "<failure>" + xml_escape(e) + "</failure>";
      s += "</testcase>";
    }
    if (!errs.empty()) {
      if (f.groups.empty()) s += "<testcase name=\"unknown\">";
      std::string joined;
      for (const std::string& e : errs) joined += (joined.empty() ? "" : "\n") + e;
      if (f.groups.empty()) s += "<error>" + xml_escape(joined) + "</error></testcase>";
    }
    s += "</testsuite>";
  }
  return s + "</testsuites>\n";
}

}  // namespace caxtool::ruletest
