// SPDX-License-Identifier: Apache-2.0
// The lint checks. Each is a small function over one group; names follow pint's where pint has
// the check, so users moving over find what they know.
#include "rules/lint.h"

#include <algorithm>
#include <array>
#include <map>
#include <unordered_map>

#include "rules/lint_promql.h"
#include "util/duration.h"

namespace caxtool::rules {
namespace {

using diag::Severity;

constexpr std::array kLints = std::to_array<LintInfo>({
    {"alerts/annotations", Severity::kWarning, "an alert without summary or description",
     "Whoever is paged reads the summary and description annotations first. An alert without "
     "them says only its name; add a one-line summary and a description with the values "
     "({{ $value }}) and labels ({{ $labels.instance }}) needed to act."},
    {"alerts/for", Severity::kInfo, "an alert that fires on the first bad evaluation",
     "Without for:, one evaluation over the threshold pages someone, and a single scrape "
     "glitch or restart is enough. Most alerts want for: of a few evaluation intervals; write "
     "for: 0s to say that firing at once is intended."},
    {"alerts/template-labels", Severity::kWarning,
     "a template reading a label the expression aggregates away",
     "{{ $labels.instance }} in an annotation is empty when the alert's expression is, say, "
     "sum by (job) (...): the result has only the labels the aggregation keeps. The "
     "notification then says nothing where the reader needs it most. Keep the label in by (...) "
     "or stop reading it."},
    {"duplicate-rules", Severity::kWarning, "two rules with the same name and labels",
     "Two recording rules with the same name and labels write the same series, and the last to "
     "evaluate wins; two alerts with the same name and labels are indistinguishable in "
     "Alertmanager. This is promtool's --lint=duplicate-rules."},
    {"group/interval", Severity::kError, "a group interval or limit that cannot work",
     "interval: 0s makes Prometheus evaluate the group at the global interval or not at all "
     "depending on the version, and a negative limit is meaningless; promtool accepts both."},
    {"labels/forbidden", Severity::kError, "a rule that creates a high-cardinality label",
     "Labels whose values never repeat (conversation_id, request_id, user_id, trace_id, ...) make "
     "one series per value: memory and query cost grow without bound. A rule that sets such a "
     "label, keeps it in by (...), or writes it with label_replace() multiplies the damage. Put "
     "such IDs on traces, logs or exemplars. The list comes from forbiddenLabels in .caxtool.yml."},
    {"labels/value-template", Severity::kError, "an alert label that changes on every evaluation",
     "Labels identify an alert. A label built from $value (or .Value) changes whenever the value "
     "does, so every evaluation creates a new alert and resolves the old one: notifications "
     "flap and silences never match. Put the value in an annotation instead."},
    {"promql/counter", Severity::kWarning,
     "rate() or increase() over a metric not named as a counter",
     "rate(), irate(), increase() and resets() assume a counter, which only goes up; over a "
     "gauge they read every decrease as a counter reset and report nonsense. Counters are named "
     "_total (or _count, _sum, _bucket for summaries and histograms); use deriv() or delta() for "
     "gauges."},
    {"promql/histogram-le", Severity::kError, "histogram_quantile() over an aggregation without le",
     "A classic histogram is a set of _bucket series told apart by le. Aggregating them by "
     "(job) or without (le) merges the buckets, and histogram_quantile() then returns nothing: "
     "the alert can never fire and the panel stays empty. Keep le: sum by (job, le) (...)."},
    {"promql/impossible", Severity::kError, "a comparison that can never hold",
     "absent() returns 1 when nothing matches and no series otherwise, so absent(x) > 1 or "
     "absent(x) == 0 is never true and the alert never fires."},
    {"promql/rate-range", Severity::kWarning, "a rate window shorter than two scrape intervals",
     "rate() needs at least two samples in its window. With a 1m scrape interval, rate(x[1m]) "
     "usually sees one and returns nothing, so alerts built on it go silent. Use a window of at "
     "least four scrape intervals; --scrape-interval (default 1m) sets the interval checked "
     "against."},
    {"record/name", Severity::kInfo, "a recording rule name outside level:metric:operations",
     "Prometheus's naming convention for recording rules is level:metric:operations, e.g. "
     "job:http_requests:rate5m (https://prometheus.io/docs/practices/rules/). The colons tell "
     "readers the series is derived, and keep it apart from scraped metric names."},
});

bool enabled(const LintContext& ctx, std::string_view name) {
  return ctx.enabled != nullptr && ctx.enabled->count(name) != 0;
}

void add(const LintContext& ctx, diag::Diagnostics& diags, std::string_view check, yaml::Mark start,
         yaml::Mark end, std::string message, std::string hint = "") {
  const LintInfo* info = find_lint(check);
  diag::Diagnostic d;
  d.file = ctx.file;
  d.line = start.line;
  d.column = start.column;
  d.end_line = end.line;
  d.end_column = end.column;
  d.severity = info != nullptr ? info->severity : Severity::kWarning;
  d.check = std::string(check);
  d.message = std::move(message);
  d.hint = std::move(hint);
  diags.add(std::move(d));
}

const Entry* find_entry(const std::vector<Entry>& entries, std::string_view key) {
  for (const Entry& e : entries) {
    if (e.key.value == key) return &e;
  }
  return nullptr;
}

void lint_annotations(const Rule& r, const LintContext& ctx, diag::Diagnostics& diags) {
  if (!r.is_alert()) return;
  bool summary = find_entry(r.annotations, "summary") != nullptr;
  bool description = find_entry(r.annotations, "description") != nullptr;
  if (summary && description) return;
  std::string missing = !summary && !description ? "neither a summary nor a description"
                        : !summary               ? "no summary"
                                                 : "no description";
  add(ctx, diags, "alerts/annotations", r.alert.start, r.alert.end,
      "alert \"" + r.alert.value + "\" has " + missing + " annotation",
      "add annotations: {summary: ..., description: ...}");
}

void lint_for(const Rule& r, const LintContext& ctx, diag::Diagnostics& diags) {
  if (!r.is_alert() || r.for_.present) return;
  add(ctx, diags, "alerts/for", r.alert.start, r.alert.end,
      "alert \"" + r.alert.value +
          "\" has no for: and fires on the first evaluation over its "
          "threshold",
      "add for: 5m (or for: 0s if firing at once is intended)");
}

void lint_label_templates(const Rule& r, const LintContext& ctx, diag::Diagnostics& diags) {
  if (!r.is_alert()) return;
  for (const Entry& e : r.labels) {
    const std::string& v = e.value.value;
    if (v.find("{{") == std::string::npos) continue;
    if (v.find("$value") != std::string::npos || v.find(".Value") != std::string::npos) {
      add(ctx, diags, "labels/value-template", e.value.start, e.value.end,
          "label \"" + e.key.value + "\" of alert \"" + r.alert.value +
              "\" uses the alert's value, so every evaluation makes a new alert",
          "move it into an annotation");
    }
  }
}

bool forbidden(const LintContext& ctx, std::string_view label) {
  if (ctx.forbidden_labels == nullptr) return false;
  return std::find(ctx.forbidden_labels->begin(), ctx.forbidden_labels->end(), label) !=
         ctx.forbidden_labels->end();
}

void lint_forbidden_labels(const Rule& r, const LintContext& ctx, diag::Diagnostics& diags) {
  for (const Entry& e : r.labels) {
    if (!forbidden(ctx, e.key.value)) continue;
    add(ctx, diags, "labels/forbidden", e.key.start, e.key.end,
        "rule \"" + r.name().value + "\" sets label " + e.key.value +
            ", which is forbidden: its values are unbounded",
        "drop the label; keep such IDs on traces, logs or exemplars");
  }
}

void lint_record_name(const Rule& r, const LintContext& ctx, diag::Diagnostics& diags) {
  if (r.record.value.empty() || r.is_alert()) return;
  const std::string& n = r.record.value;
  if (std::count(n.begin(), n.end(), ':') >= 2) return;
  add(ctx, diags, "record/name", r.record.start, r.record.end,
      "recording rule \"" + n + "\" does not follow level:metric:operations",
      "e.g. job:" + n + ":rate5m");
}

void lint_group(const Group& g, const LintContext& ctx, diag::Diagnostics& diags) {
  if (g.interval.present && !g.interval.value.empty() &&
      util::parse_duration_ms(g.interval.value) == std::optional<int64_t>(0)) {
    add(ctx, diags, "group/interval", g.interval.start, g.interval.end,
        "group \"" + g.name.value + "\" has interval 0s", "remove interval: to use the global one");
  }
  if (g.limit.present && !g.limit.value.empty() && g.limit.value[0] == '-') {
    add(ctx, diags, "group/interval", g.limit.start, g.limit.end,
        "group \"" + g.name.value + "\" has a negative limit " + g.limit.value,
        "limit: 0 means no limit");
  }
}

}  // namespace

std::span<const LintInfo> lint_checks() { return kLints; }

const LintInfo* find_lint(std::string_view name) {
  auto it = std::find_if(kLints.begin(), kLints.end(),
                         [name](const LintInfo& l) { return l.name == name; });
  return it == kLints.end() ? nullptr : &*it;
}

void run_lints(const Group& g, std::span<const promql::ParseResult> exprs, const LintContext& ctx,
               diag::Diagnostics& diags) {
  if (enabled(ctx, "group/interval")) lint_group(g, ctx, diags);
  for (size_t i = 0; i < g.rules.size(); ++i) {
    const Rule& r = g.rules[i];
    if (i < exprs.size() && exprs[i].ok()) lint_rule_promql(r, *exprs[i].expr, ctx, diags);
    if (enabled(ctx, "alerts/annotations")) lint_annotations(r, ctx, diags);
    if (enabled(ctx, "alerts/for")) lint_for(r, ctx, diags);
    if (enabled(ctx, "labels/value-template")) lint_label_templates(r, ctx, diags);
    if (enabled(ctx, "record/name")) lint_record_name(r, ctx, diags);
    if (enabled(ctx, "labels/forbidden")) lint_forbidden_labels(r, ctx, diags);
  }
}

namespace {

void pack_field(std::string& out, std::string_view field) {
  for (char c : field) {
    out += c;
    if (c == '\0') out += '\xff';
  }
  out.append(2, '\0');
}

}  // namespace

std::string DuplicateKey::name() const {
  std::string out;
  for (size_t i = 0; i < key.size(); ++i) {
    if (key[i] == '\0' && (i + 1 == key.size() || key[i + 1] == '\0')) break;
    out += key[i];
    if (key[i] == '\0') ++i;  // the \xff after an escaped NUL
  }
  return out;
}

DuplicateKey duplicate_key(const Group& g, const Rule& r, promql::Version version) {
  DuplicateKey k;
  k.at = r.name().present ? r.name().start : r.start;
  std::map<std::string_view, std::string_view> labels;
  if (version >= promql::Version{3, 0}) {
    for (const Entry& e : g.labels) labels[e.key.value] = e.value.value;
  }
  for (const Entry& e : r.labels) labels[e.key.value] = e.value.value;
  size_t size = r.name().value.size() + 2;
  for (const auto& [name, value] : labels) size += name.size() + value.size() + 4;
  k.key.reserve(size);
  pack_field(k.key, r.name().value);
  for (const auto& [name, value] : labels) {
    pack_field(k.key, name);
    pack_field(k.key, value);
  }
  return k;
}

void report_duplicates(const std::vector<DuplicateKey>& keys, const std::string& file,
                       diag::Diagnostics& diags) {
  // Most files have no duplicate at all: find the keys seen twice by hashing, and sort only
  // those (in file order first, so equal keys keep it, as a stable sort of all keys would).
  std::unordered_map<std::string_view, size_t> seen;
  seen.reserve(keys.size());
  for (const DuplicateKey& k : keys) ++seen[k.key];
  std::vector<const DuplicateKey*> twice;
  for (const DuplicateKey& k : keys) {
    if (seen[k.key] > 1) twice.push_back(&k);
  }
  std::stable_sort(twice.begin(), twice.end(),
                   [](const DuplicateKey* a, const DuplicateKey* b) { return *a < *b; });
  for (size_t i = 1; i < twice.size(); ++i) {
    const DuplicateKey& k = *twice[i];
    const DuplicateKey& before = *twice[i - 1];
    if (k.key != before.key) continue;
    diag::Diagnostic d;
    d.file = file;
    d.line = k.at.line;
    d.column = k.at.column;
    d.severity = Severity::kWarning;
    d.check = "duplicate-rules";
    d.message = "rule \"" + k.name() + "\" has the same name and labels as the rule at line " +
                std::to_string(before.at.line);
    d.hint = "give one of them a distinguishing label, or remove it";
    diags.add(std::move(d));
  }
}

void apply_disable_comments(std::string_view text, const std::vector<int>& rule_lines,
                            diag::Diagnostics& diags) {
  // Most files have no such comment: spare them the line index (16 MB for a 1M-line file).
  if (text.find("# caxtool ") == std::string_view::npos) return;
  struct Range {
    int from, to;
    std::string check;
  };
  std::vector<Range> ranges;
  std::vector<std::string> whole_file;
  std::vector<std::string_view> lines;
  for (size_t start = 0; start <= text.size();) {
    size_t nl = text.find('\n', start);
    lines.push_back(text.substr(start, nl == std::string_view::npos ? text.npos : nl - start));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  auto blank_or_comment = [&lines](int line) {
    std::string_view l = lines[static_cast<size_t>(line - 1)];
    size_t first = l.find_first_not_of(" \t");
    return first == std::string_view::npos || l[first] == '#';
  };
  auto last_line = static_cast<int>(lines.size());
  for (int line = 1; line <= last_line; ++line) {
    std::string_view l = lines[static_cast<size_t>(line - 1)];
    size_t hash = l.find("# caxtool ");
    if (hash == std::string_view::npos) continue;
    std::string_view rest = l.substr(hash + 10);
    bool file_wide = rest.substr(0, 13) == "file/disable ";
    if (!file_wide && rest.substr(0, 8) != "disable ") continue;
    rest.remove_prefix(file_wide ? 13 : 8);
    // The rule it belongs to: the next one if only comments and blank lines lie between, else
    // the one it sits in.
    auto next = std::upper_bound(rule_lines.begin(), rule_lines.end(), line);
    int from = 0, to = last_line;
    bool above = next != rule_lines.end();
    for (int k = line + 1; above && k < *next; ++k) above = blank_or_comment(k);
    if (above) {
      from = *next;
      to = next + 1 != rule_lines.end() ? *(next + 1) - 1 : last_line;
    } else if (next != rule_lines.begin()) {
      from = *(next - 1);
      to = next != rule_lines.end() ? *next - 1 : last_line;
    }
    for (size_t p = 0; p < rest.size();) {
      size_t q = rest.find_first_of(", ", p);
      std::string name(rest.substr(p, q == std::string_view::npos ? rest.npos : q - p));
      if (!name.empty()) {
        if (file_wide) {
          whole_file.push_back(name);
        } else {
          ranges.push_back({from, to, name});
        }
      }
      if (q == std::string_view::npos) break;
      p = q + 1;
    }
  }
  if (ranges.empty() && whole_file.empty()) return;
  diag::Diagnostics kept;
  for (const diag::Diagnostic& d : diags.items()) {
    bool lint = find_lint(d.check) != nullptr;
    bool off =
        lint && (std::find(whole_file.begin(), whole_file.end(), d.check) != whole_file.end() ||
                 std::any_of(ranges.begin(), ranges.end(), [&d](const Range& r) {
                   return r.check == d.check && d.line >= r.from && d.line <= r.to;
                 }));
    if (!off) kept.add(d);
  }
  diags = std::move(kept);
}

}  // namespace caxtool::rules
