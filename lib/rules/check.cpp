// SPDX-License-Identifier: Apache-2.0
// Checks a rule file one group at a time: the YAML parser hands each completed group over and
// forgets it, so memory stays flat however large the file. On a large file, groups are checked
// on a second thread while the parser reads on; checking costs more than parsing, so when the
// queue is full the parsing thread checks the group itself instead of waiting, and both drain
// the queue at the end. Each group's result has its slot in file order, so the output does not
// depend on timing. File-level checks (duplicate rules, the root's shape, YAML errors) run once
// everything is in.
//
// With CheckOptions::on_findings, a large file's groups are handed over in file order as soon as
// each is checked, so its findings are never all in memory at once (a 50,000-rule file has tens
// of thousands). Only the first document streams, and only a file without `# caxtool` comments,
// whose ranges need every rule's line; file-level findings come after the streamed ones.
#include "rules/check.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

#include "rules/lint.h"
#include "rules/load.h"
#include "rules/validate.h"
#include "yaml/fast_parse.h"
#include "yaml/locate.h"
#include "yaml/node.h"

namespace caxtool::rules {
namespace {

// Below this size a second thread costs more than it saves.
constexpr size_t kThreadedFrom = 256 * 1024;
// Groups parsed but not yet checked: enough to keep the checker busy, few enough to bound memory.
constexpr size_t kMaxQueued = 4;

// What checking one group yields, merged later in file order.
struct GroupResult {
  size_t document = 0;
  // record/alert/expr values that are collections: yaml.v3 keeps them as raw nodes and never
  // checks their keys for duplicates, so neither do we.
  std::vector<std::pair<yaml::Mark, yaml::Mark>> raw_ranges;
  Text name;
  yaml::Mark start;
  size_t rules = 0;
  std::vector<int> rule_lines;
  std::vector<DuplicateKey> keys;
  diag::Diagnostics diagnostics;
};

// A group's place in file order. `done` tells the parsing thread that a checker has filled
// `result`; `streamed` that its findings were handed to on_findings (and its name checked).
struct Slot {
  GroupResult result;
  std::atomic<bool> done{false};
  bool streamed = false;
};

struct GroupJob {
  size_t document = 0;
  bool prometheus_rule = false;
  yaml::Node node;
  Slot* out = nullptr;  // its slot in results_, which the job's checker fills
};

class FileChecker {
 public:
  FileChecker(std::string_view text, const std::string& file, const CheckOptions& options)
      : text_(text), file_(file), options_(options), source_(text) {
    vctx_.file = file;
    vctx_.source = &source_;
    vctx_.version = options.version;
    vctx_.experimental_functions = options.experimental_functions;
    vctx_.extended_range_selectors = options.extended_range_selectors;
    vctx_.binop_fill_modifiers = options.binop_fill_modifiers;
    vctx_.duration_expressions = options.duration_expressions;
    streaming_ = options.on_findings && text.size() >= kThreadedFrom &&
                 text.find("# caxtool ") == std::string_view::npos;
  }

  FileResult run() {
    bool threaded = text_.size() >= kThreadedFrom;
    std::thread worker;
    if (threaded) worker = std::thread([this] { drain(); });
    yaml::ParseOptions po;
    po.on_completed = [this, threaded](yaml::Node& node, const std::vector<std::string_view>& path,
                                       size_t document) {
      if (!is_groups_item(path)) return false;
      results_.push_back(std::make_unique<Slot>());
      auto job = std::make_unique<GroupJob>(
          GroupJob{document, path.size() == 3, std::move(node), results_.back().get()});
      if (!threaded || !try_enqueue(job)) run_job(*job);
      stream_ready();
      return true;
    };
    yaml::ParseResult parsed = options_.fast_yaml ? yaml::parse_fast_first(text_, file_, po)
                                                  : yaml::parse(text_, file_, po);
    if (threaded) {
      while (std::unique_ptr<GroupJob> job = take(false)) run_job(*job);
      {
        std::lock_guard lock(mutex_);
        done_ = true;
      }
      ready_.notify_one();
      worker.join();
    }
    stream_ready();
    crd_ = !parsed.documents.empty() && is_prometheus_rule(parsed.documents.front().root);
    bool ignored_error = !crd_ && parsed.documents_before_error >= 1;
    for (diag::Diagnostic d : parsed.diagnostics.items()) {
      if (d.check == "yaml/duplicate-key" && inside_raw_value(d)) continue;
      if (ignored_error) ignore_later_document(d);
      result_.diagnostics.add(std::move(d));
    }
    for (size_t i = 0; i < parsed.documents.size(); ++i) {
      if (!parsed.documents[i].empty) check_root(parsed.documents[i].root, i);
    }
    if (!crd_ && (parsed.documents.size() > 1 || ignored_error)) {
      add(parsed.documents.size() > 1 ? parsed.documents[1].root.start : yaml::Mark{1, 1},
          "rules/multiple-documents",
          "Prometheus reads only the first YAML document of a rule file; the rest is ignored",
          "put each group list in a file of its own", diag::Severity::kWarning);
    }
    merge();
    return std::move(result_);
  }

 private:
  bool inside_raw_value(const diag::Diagnostic& d) const {
    auto before = [](yaml::Mark a, int line, int column) {
      return a.line < line || (a.line == line && a.column <= column);
    };
    for (const auto& g : results_) {
      for (const auto& [start, end] : g->result.raw_ranges) {
        if (before(start, d.line, d.column) && !before(end, d.line, d.column)) return true;
      }
    }
    return false;
  }

  static bool is_prometheus_rule(const yaml::Node& root) {
    const yaml::Node* kind = root.is_mapping() ? root.get("kind") : nullptr;
    return kind != nullptr && kind->value == "PrometheusRule";
  }

  // Past the first document of a plain rule file, Prometheus sees nothing: findings there are
  // told, but cannot make the file invalid.
  static void ignore_later_document(diag::Diagnostic& d) {
    if (d.severity == diag::Severity::kError) d.severity = diag::Severity::kWarning;
    d.message += " (in a later YAML document, which Prometheus ignores)";
  }

  static bool is_groups_item(const std::vector<std::string_view>& path) {
    return (path.size() == 2 && path[0] == "groups" && path[1] == "#") ||
           (path.size() == 3 && path[0] == "spec" && path[1] == "groups" && path[2] == "#");
  }

  // Queues `job` unless the queue is full; then the caller checks it itself (and `job` stays).
  bool try_enqueue(std::unique_ptr<GroupJob>& job) {
    {
      std::lock_guard lock(mutex_);
      if (queue_.size() >= kMaxQueued) return false;
      queue_.push_back(std::move(job));
    }
    ready_.notify_one();
    return true;
  }

  // The next queued job; nullptr when the queue is empty and, if `wait`, no more will come.
  std::unique_ptr<GroupJob> take(bool wait) {
    std::unique_lock lock(mutex_);
    if (wait) ready_.wait(lock, [this] { return !queue_.empty() || done_; });
    if (queue_.empty()) return nullptr;
    std::unique_ptr<GroupJob> job = std::move(queue_.front());
    queue_.pop_front();
    return job;
  }

  void drain() {
    while (std::unique_ptr<GroupJob> job = take(true)) run_job(*job);
  }

  void run_job(const GroupJob& job) const {
    job.out->result = check_group(job);
    job.out->done.store(true, std::memory_order_release);
  }

  // Hands over, in file order, every checked group of the first document not handed over yet.
  // Runs on the parsing thread only.
  void stream_ready() {
    if (!streaming_) return;
    while (next_stream_ < results_.size()) {
      Slot& slot = *results_[next_stream_];
      if (!slot.done.load(std::memory_order_acquire)) return;
      GroupResult& g = slot.result;
      if (g.document != 0) {
        streaming_ = false;  // later documents' severities depend on the whole file
        return;
      }
      check_group_name(g, diag::Severity::kError, g.diagnostics);
      g.diagnostics.sort();
      slot.streamed = true;
      ++next_stream_;
      if (!g.diagnostics.empty()) options_.on_findings(std::move(g.diagnostics));
      g.diagnostics = diag::Diagnostics();
    }
  }

  // A group needs a name, unique among its document's groups.
  void check_group_name(const GroupResult& g, diag::Severity sev, diag::Diagnostics& out) {
    if (g.name.value.empty()) {
      out.add(make(g.start, "rules/group-name", "a rule group must have a name",
                   "add name: to the group; names are unique in a file", sev));
    } else if (auto [it, fresh] = names_[g.document].emplace(g.name.value, g.name.start); !fresh) {
      out.add(make(g.name.start, "rules/group-name",
                   "group name \"" + g.name.value +
                       "\" is repeated in the same file (first at line " +
                       std::to_string(it->second.line) + ")",
                   "", sev));
    }
  }

  // Everything about one group that needs nothing from the others. Runs on either thread.
  GroupResult check_group(const GroupJob& job) const {
    GroupResult out;
    out.document = job.document;
    LoadContext lctx{file_, options_.version, job.prometheus_rule};
    Group g = load_group(job.node, lctx, out.diagnostics);
    out.name = g.name;
    out.name.node = nullptr;  // the tree goes away with the job
    out.start = g.start;
    out.rules = g.rules.size();
    // Validation parses alert templates; the template-labels lint reuses what it found.
    TemplateSummaries summaries;
    ValidateContext vctx = vctx_;
    if (options_.lints.count("alerts/template-labels") != 0) vctx.summaries = &summaries;
    validate_group(g, vctx, out.diagnostics);
    std::vector<promql::ParseResult> exprs;
    exprs.reserve(g.rules.size());
    const bool duplicate_rules = options_.lints.count("duplicate-rules") != 0;
    if (duplicate_rules) out.keys.reserve(g.rules.size());
    out.rule_lines.reserve(g.rules.size());
    for (const Rule& r : g.rules) {
      for (const Text* t : {&r.record, &r.alert, &r.expr}) {
        if (t->node != nullptr && !t->node->is_scalar())
          out.raw_ranges.emplace_back(t->start, t->end);
      }
      out.rule_lines.push_back(r.start.line);
      exprs.push_back(parse_expr(r, vctx));
      validate_rule(r, exprs.back(), vctx, out.diagnostics);
      if (duplicate_rules) out.keys.push_back(duplicate_key(g, r, options_.version));
    }
    LintContext lint_ctx{file_,
                         &source_,
                         options_.version,
                         &options_.lints,
                         options_.scrape_interval_ms,
                         &options_.forbidden_labels,
                         &summaries};
    run_lints(g, exprs, lint_ctx, out.diagnostics);
    // Sorted here, in parallel, so that the file's final sort finds them in order (a stable sort
    // of stably sorted runs keeps the same order). Trimmed, as all groups' findings are held
    // until the file is done.
    out.diagnostics.sort();
    out.diagnostics.shrink_to_fit();
    return out;
  }

  void merge() {
    std::map<size_t, std::vector<DuplicateKey>> keys;
    std::vector<int> rule_lines;
    size_t total = result_.diagnostics.size(), rules = 0;
    std::map<size_t, size_t> keys_per_document;
    for (const auto& slot : results_) {
      total += slot->result.diagnostics.size();
      rules += slot->result.rules;
      keys_per_document[slot->result.document] += slot->result.keys.size();
    }
    // Sized once: merging is where all findings are held at once, so regrowth would set the peak.
    result_.diagnostics.reserve(total);
    rule_lines.reserve(rules);
    for (auto [doc, n] : keys_per_document) keys[doc].reserve(n);
    for (auto& slot : results_) {
      GroupResult& g = slot->result;
      ++result_.groups;
      result_.rules += g.rules;
      if (!crd_ && g.document >= 1) {
        for (diag::Diagnostic& d : g.diagnostics.mutable_items()) ignore_later_document(d);
      }
      result_.diagnostics.append(std::move(g.diagnostics));
      rule_lines.insert(rule_lines.end(), g.rule_lines.begin(), g.rule_lines.end());
      auto& doc_keys = keys[g.document];
      doc_keys.insert(doc_keys.end(), std::make_move_iterator(g.keys.begin()),
                      std::make_move_iterator(g.keys.end()));
      diag::Severity sev =
          !crd_ && g.document >= 1 ? diag::Severity::kWarning : diag::Severity::kError;
      if (!slot->streamed) check_group_name(g, sev, result_.diagnostics);
      slot.reset();  // merged: free it before the next group's findings are moved in
    }
    // promtool lints only a file that loaded cleanly.
    bool valid = !result_.diagnostics.has_at_least(diag::Severity::kError);
    if (valid && options_.lints.count("duplicate-rules") != 0) {
      for (auto& [doc, k] : keys) report_duplicates(k, file_, result_.diagnostics);
    }
    std::sort(rule_lines.begin(), rule_lines.end());
    apply_disable_comments(text_, rule_lines, result_.diagnostics);
    result_.diagnostics.sort();
  }

  void check_root(const yaml::Node& root, size_t document) {
    if (root.is_null()) return;
    diag::Severity sev = !crd_ && document >= 1 ? diag::Severity::kWarning : diag::Severity::kError;
    auto add = [this, sev](yaml::Mark at, std::string check, std::string message,
                           std::string hint = "") {
      this->add(at, std::move(check), std::move(message), std::move(hint), sev);
    };
    if (!root.is_mapping()) {
      add(root.start, "rules/syntax",
          "a rule file must be a mapping with a groups list, got a " +
              std::string(root.kind_name()));
      return;
    }
    const yaml::Node* kind = root.get("kind");
    bool crd = kind != nullptr && kind->value == "PrometheusRule";
    const yaml::Node* holder = &root;
    if (crd) {
      holder = root.get("spec");
      if (holder == nullptr || holder->is_null()) return;
      if (!holder->is_mapping()) {
        add(holder->start, "rules/syntax", "spec must be a mapping with a groups list");
        return;
      }
    }
    for (size_t i = 0; i < holder->entry_count(); ++i) {
      const yaml::Node& k = holder->key(i);
      const yaml::Node& v = holder->val(i);
      if (k.value == "groups") {
        if (!v.is_null() && !v.is_sequence()) {
          add(v.start, "rules/syntax",
              "groups must be a list, got a " + std::string(v.kind_name()));
        }
        // Mappings were checked as they came; what is left here is scalars and nulls. yaml.v3
        // drops null items of a list, so they are no groups at all.
        static const std::vector<yaml::Node> kNone;
        for (const yaml::Node& item : v.is_sequence() ? v.children : kNone) {
          if (item.is_taken() || item.is_null()) continue;
          {
            add(item.start, "rules/syntax",
                "a rule group must be a mapping, got a " + std::string(item.kind_name()));
          }
        }
      } else if (!crd) {
        add(k.start, "rules/syntax", "unknown field \"" + k.value + "\" in rule file",
            "a rule file has one key, groups (a Kubernetes PrometheusRule has kind: "
            "PrometheusRule)");
      }
    }
  }

  void add(yaml::Mark at, std::string check, std::string message, std::string hint = "",
           diag::Severity severity = diag::Severity::kError) {
    result_.diagnostics.add(
        make(at, std::move(check), std::move(message), std::move(hint), severity));
  }

  diag::Diagnostic make(yaml::Mark at, std::string check, std::string message, std::string hint,
                        diag::Severity severity) const {
    diag::Diagnostic d;
    d.severity = severity;
    d.file = file_;
    d.line = at.line;
    d.column = at.column;
    d.check = std::move(check);
    d.message = std::move(message);
    d.hint = std::move(hint);
    return d;
  }

  std::string_view text_;
  const std::string& file_;
  const CheckOptions& options_;
  yaml::SourceIndex source_;
  ValidateContext vctx_;
  FileResult result_;
  // One slot per group in file order; only the parsing thread adds slots, a checker fills each.
  std::vector<std::unique_ptr<Slot>> results_;
  size_t next_stream_ = 0;  // the first slot not handed to on_findings
  bool streaming_ = false;
  std::map<size_t, std::map<std::string, yaml::Mark, std::less<>>> names_;  // per document
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::unique_ptr<GroupJob>> queue_;
  bool done_ = false;  // the parser has queued its last job
  bool crd_ = false;   // a Kubernetes PrometheusRule: every document counts
};

}  // namespace

FileResult check_rules_text(std::string_view text, const std::string& file,
                            const CheckOptions& options) {
  return FileChecker(text, file, options).run();
}

}  // namespace caxtool::rules
