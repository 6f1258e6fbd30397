// SPDX-License-Identifier: Apache-2.0
// Mirrors rulefmt's RuleNode.Validate and testTemplateParsing, check by check and version by
// version (../shared/research/promql-versions.md section 5), reporting every problem of a rule
// at once where promtool's messages have no position.
#include "rules/validate.h"

#include "gotemplate/template.h"
#include "promql/parser.h"
#include "rules/lint.h"
#include "util/duration.h"
#include "util/strings.h"

namespace caxtool::rules {
namespace {

constexpr promql::Version k3_0{3, 0};
constexpr promql::Version k3_2{3, 2};

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

// Names are legacy ([a-zA-Z_][a-zA-Z0-9_]*) before 3.0, any valid UTF-8 from 3.0.
bool valid_label_name(std::string_view s, promql::Version v) {
  if (v >= k3_0) return !s.empty() && valid_utf8(s);
  return util::is_label_name(s);
}

bool valid_metric_name(std::string_view s, promql::Version v) {
  if (v >= k3_0) return !s.empty() && valid_utf8(s);
  return util::is_metric_name(s);
}

class Validator {
 public:
  Validator(const ValidateContext& ctx, diag::Diagnostics& diags) : ctx_(ctx), diags_(diags) {}

  void rule(const Rule& r, const promql::ParseResult& parsed) {
    const bool has_record = !r.record.value.empty();
    const bool has_alert = !r.alert.value.empty();
    std::string who = r.is_alert() ? "alert " + quote(r.alert.value)
                      : has_record ? "recording rule " + quote(r.record.value)
                                   : "rule " + std::to_string(r.index);
    if (has_record && has_alert) {
      at(r.alert.present ? r.alert : r.record, r.start, "rules/record-and-alert",
         who + ": only one of 'record' and 'alert' must be set");
    }
    if (!has_record && !has_alert) {
      at(r.record.present ? r.record : r.alert, r.start, "rules/no-name",
         who + ": one of 'record' or 'alert' must be set");
    }
    if (r.expr.value.empty()) {
      at(r.expr, r.start, "rules/no-expr", who + ": field 'expr' must be set in rule");
    } else {
      expression(r, parsed, who);
    }
    if (has_record) {
      if (!r.annotations.empty()) {
        at(r.annotations.front().key, r.start, "rules/record-field",
           who + ": invalid field 'annotations' in recording rule");
      }
      if (nonzero(r.for_)) {
        at(r.for_, r.start, "rules/record-field", who + ": invalid field 'for' in recording rule");
      }
      if (nonzero(r.keep_firing_for)) {
        at(r.keep_firing_for, r.start, "rules/record-field",
           who + ": invalid field 'keep_firing_for' in recording rule");
      }
      if (!valid_metric_name(r.record.value, ctx_.version)) {
        at(r.record, r.start, "rules/record-name",
           who + ": invalid recording rule name: " + r.record.value,
           "recording rule names are metric names: [a-zA-Z_:][a-zA-Z0-9_:]*");
      } else if (ctx_.version >= k3_2 && r.record.value.find_first_of("{}") != std::string::npos) {
        at(r.record, r.start, "rules/record-name",
           who + ": braces present in the recording rule name; should it be in expr?: " +
               r.record.value);
      }
    }
    for (const Entry& e : r.labels) {
      if (!valid_label_name(e.key.value, ctx_.version) || e.key.value == "__name__") {
        at(e.key, r.start, "rules/label-name", who + ": invalid label name: " + e.key.value);
      }
      if (!valid_utf8(e.value.value)) {
        at(e.value, r.start, "rules/label-value", who + ": invalid label value: " + e.value.value);
      }
    }
    for (const Entry& e : r.annotations) {
      if (!valid_label_name(e.key.value, ctx_.version)) {
        at(e.key, r.start, "rules/annotation-name",
           who + ": invalid annotation name: " + e.key.value);
      }
    }
    if (has_alert) {
      templates(r, r.labels, "label", who);
      templates(r, r.annotations, "annotation", who);
    }
  }

  void group(const Group& g) {
    if (ctx_.version < k3_0) return;
    for (const Entry& e : g.labels) {
      if (!valid_label_name(e.key.value, ctx_.version) || e.key.value == "__name__") {
        at(e.key, g.start, "rules/label-name", "group labels: invalid label name: " + e.key.value);
      }
      if (!valid_utf8(e.value.value)) {
        at(e.value, g.start, "rules/label-value",
           "group labels: invalid label value: " + e.value.value);
      }
    }
  }

 private:
  static std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }

  static bool nonzero(const Text& t) {
    return !t.value.empty() && util::parse_duration_ms(t.value).value_or(0) != 0;
  }

  void expression(const Rule& r, const promql::ParseResult& parsed, const std::string& who) {
    if (parsed.errors.empty()) return;
    // Prometheus reports the first error; so do we, at its place in the file.
    const promql::ParseError& e = parsed.errors.front();
    diag::Diagnostic d = base(r.expr, r.start, "rules/promql");
    if (r.expr.node != nullptr && ctx_.source != nullptr) {
      yaml::Mark b = yaml::locate_in_scalar(*r.expr.node, *ctx_.source, e.begin);
      yaml::Mark en =
          yaml::locate_in_scalar(*r.expr.node, *ctx_.source, std::max(e.end, e.begin + 1));
      d.line = b.line;
      d.column = b.column;
      d.end_line = en.line;
      d.end_column = en.column;
    }
    d.message = who + ": invalid PromQL: " + e.message;
    if (e.message.find("is not enabled") != std::string::npos) {
      d.hint =
          "experimental: pass --enable-feature promql-experimental-functions here and to "
          "Prometheus";
    } else if (e.message.find("experimental and not enabled") != std::string::npos) {
      bool fill = e.message.find("fill") != std::string::npos;
      d.hint = std::string("experimental: pass --enable-feature ") +
               (fill ? "promql-binop-fill-modifiers" : "promql-extended-range-selectors") +
               " here and to Prometheus";
    }
    diags_.add(std::move(d));
  }

  void templates(const Rule& r, const std::vector<Entry>& entries, std::string_view kind,
                 const std::string& who) {
    gotemplate::CheckOptions options;
    options.major = ctx_.version.major;
    options.minor = ctx_.version.minor;
    options.template_name = "__alert_" + r.alert.value;  // a {{define}} of it clashes, as in Go
    for (const Entry& e : entries) {
      std::vector<gotemplate::Error> errors;
      if (ctx_.summaries != nullptr && template_reads_labels(e.value.value)) {
        gotemplate::Summary summary;
        errors = gotemplate::check(e.value.value, options, summary);
        ctx_.summaries->emplace(&e.value, std::move(summary));
      } else {
        errors = gotemplate::check(e.value.value, options);
      }
      if (errors.empty()) continue;
      const gotemplate::Error& err = errors.front();
      diag::Diagnostic d = base(e.value, r.start, "rules/template");
      if (e.value.node != nullptr && ctx_.source != nullptr) {
        yaml::Mark b = yaml::locate_in_scalar(*e.value.node, *ctx_.source, err.begin);
        yaml::Mark en =
            yaml::locate_in_scalar(*e.value.node, *ctx_.source, std::max(err.end, err.begin + 1));
        d.line = b.line;
        d.column = b.column;
        d.end_line = en.line;
        d.end_column = en.column;
      }
      d.message = who + ": " + std::string(kind) + " \"" + e.key.value +
                  "\": invalid template: " + err.message;
      diags_.add(std::move(d));
    }
  }

  diag::Diagnostic base(const Text& t, yaml::Mark fallback, std::string check) const {
    diag::Diagnostic d;
    d.file = ctx_.file;
    d.check = std::move(check);
    if (t.present) {
      d.line = t.start.line;
      d.column = t.start.column;
      d.end_line = t.end.line;
      d.end_column = t.end.column;
    } else {
      d.line = fallback.line;
      d.column = fallback.column;
    }
    return d;
  }

  void at(const Text& t, yaml::Mark fallback, std::string check, std::string message,
          std::string hint = "") {
    diag::Diagnostic d = base(t, fallback, std::move(check));
    d.message = std::move(message);
    d.hint = std::move(hint);
    diags_.add(std::move(d));
  }

  const ValidateContext& ctx_;
  diag::Diagnostics& diags_;
};

}  // namespace

promql::ParseResult parse_expr(const Rule& rule, const ValidateContext& ctx) {
  if (rule.expr.value.empty()) return {};
  promql::ParseOptions po;
  po.version = ctx.version;
  po.enable_experimental_functions = ctx.experimental_functions;
  po.enable_extended_range_selectors = ctx.extended_range_selectors;
  po.enable_binop_fill_modifiers = ctx.binop_fill_modifiers;
  po.enable_duration_expressions = ctx.duration_expressions;
  return promql::parse(rule.expr.value, po);
}

void validate_rule(const Rule& rule, const promql::ParseResult& parsed, const ValidateContext& ctx,
                   diag::Diagnostics& diags) {
  Validator(ctx, diags).rule(rule, parsed);
}

void validate_group(const Group& group, const ValidateContext& ctx, diag::Diagnostics& diags) {
  Validator(ctx, diags).group(group);
}

}  // namespace caxtool::rules
