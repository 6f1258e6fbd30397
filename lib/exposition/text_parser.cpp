// SPDX-License-Identifier: Apache-2.0
// Prometheus text format 0.0.4, with the verdicts of expfmt's TextParser (prometheus/common
// v0.39, which promtool 2.42 uses): what it refuses is an error here, what it accepts is not,
// quirks included (a TYPE after samples, a HELP for foo_count landing on summary foo, a trailing
// blank after the value). Rules the format states but expfmt does not enforce (bucket order,
// the +Inf bucket) are left to lints, so the verdict stays promtool's.

#include <cstring>

#include "exposition/chars.h"
#include "exposition/number.h"
#include "exposition/parser.h"

namespace caxtool::exposition {
namespace {

using detail::is;
using detail::is_blank;
using detail::quote;

constexpr std::string_view kSyntax = "exposition/syntax";
constexpr std::string_view kMetadata = "exposition/metadata";
constexpr std::string_view kValue = "exposition/value";

size_t skip_blanks(std::string_view s, size_t i) {
  // Most calls find no blank: one comparison tells the usual character (above ' ') apart.
  while (i < s.size() && static_cast<unsigned char>(s[i]) <= ' ' && is_blank(s[i])) ++i;
  return i;
}

size_t token_end(std::string_view s, size_t i) {
  while (i < s.size() && !is_blank(s[i])) ++i;
  return i;
}

bool ends_with(std::string_view s, std::string_view suffix, size_t min_len) {
  return s.size() > min_len && s.substr(s.size() - suffix.size()) == suffix;
}

// expfmt looks the type up after strings.ToUpper, dropping backslashes; ToUpper also maps the
// two non-ASCII letters whose capitals are ASCII (U+0131 to I, U+017F to S).
bool parse_type(std::string_view text, MetricType& out) {
  std::string up;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') continue;
    if (c == '\xC4' && i + 1 < text.size() && text[i + 1] == '\xB1') {
      up += 'I';
      ++i;
    } else if (c == '\xC5' && i + 1 < text.size() && text[i + 1] == '\xBF') {
      up += 'S';
      ++i;
    } else {
      up += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
  }
  static const std::pair<std::string_view, MetricType> kTypes[] = {
      {"COUNTER", MetricType::kCounter},     {"GAUGE", MetricType::kGauge},
      {"SUMMARY", MetricType::kSummary},     {"UNTYPED", MetricType::kUntyped},
      {"HISTOGRAM", MetricType::kHistogram}, {"GAUGE_HISTOGRAM", MetricType::kGaugeHistogram},
  };
  for (const auto& [name, type] : kTypes) {
    if (up == name) {
      out = type;
      return true;
    }
  }
  return false;
}

}  // namespace

void Parser::text_line(std::string_view line, bool terminated) {
  size_t i = skip_blanks(line, 0);
  if (i == line.size()) return;  // a blank line, or the end of input at a line start
  size_t before = errors_;
  if (line[i] == '#') {
    text_comment(line, i + 1);
  } else {
    text_sample(line, i);
  }
  if (!terminated && errors_ == before) {
    error(kSyntax, "unexpected end of input: the last line has no newline", line.size(), 0,
          "end every line, the last one too, with a newline");
  }
}

void Parser::text_comment(std::string_view line, size_t i) {
  i = skip_blanks(line, i);
  size_t kw = i;
  i = token_end(line, i);
  if (i == line.size()) return;
  std::string_view keyword = line.substr(kw, i - kw);
  if (keyword != "HELP" && keyword != "TYPE") return;  // any other comment is ignored
  i = skip_blanks(line, i);
  size_t name_at = i;
  if (i < line.size() && is(line[i], detail::kNameStart))
    i = detail::scan(line, i, detail::kNameCont);
  if (i == line.size()) return;
  if (!is_blank(line[i])) {
    error(kSyntax, "invalid metric name in " + std::string(keyword) + " line", i, i + 1);
    return;
  }
  std::string_view name = line.substr(name_at, i - name_at);
  Suffix suffix = Suffix::kNone;
  Family& f = text_resolve(name, suffix);
  i = skip_blanks(line, i);
  if (i == line.size()) return;
  if (keyword == "HELP") {
    if (f.has_help) {
      error(kMetadata, "second HELP line for metric name " + quote(f.name), kw, i);
      return;
    }
    for (size_t k = i; k < line.size(); ++k) {
      if (line[k] != '\\') continue;
      if (k + 1 < line.size() && (line[k + 1] == '\\' || line[k + 1] == 'n')) {
        ++k;
        continue;
      }
      error(kSyntax,
            k + 1 < line.size() ? "invalid escape sequence '\\" + std::string(1, line[k + 1]) + "'"
                                : std::string("HELP text ends with a lone backslash"),
            k, k + 2, "HELP text knows only \\\\ and \\n");
      return;
    }
    f.has_help = true;
    return;
  }
  if (f.has_type) {
    error(kMetadata,
          "second TYPE line for metric name " + quote(f.name) + ", or TYPE reported after samples",
          kw, i, "put the TYPE line once, before the family's first sample");
    return;
  }
  MetricType t;
  if (!parse_type(line.substr(i), t)) {
    error(kMetadata, "unknown metric type " + quote(line.substr(i)), i, line.size(),
          "Prometheus text knows counter, gauge, histogram, summary and untyped");
    return;
  }
  f.has_type = true;
  f.type = t;
}

Family& Parser::text_resolve(std::string_view name, Suffix& suffix) {
  // A name always resolves the same way once it has been seen (a family, once typed, keeps its
  // type), so earlier resolutions can be reused.
  for (size_t k = 0; k < resolved_.size(); ++k) {
    const Resolved& r = resolved_[k];
    if (r.family != UINT32_MAX && name == r.name) {
      suffix = r.suffix;
      last_resolved_ = k;
      return families_[r.family];
    }
  }
  Family* f = find_family(name);
  suffix = Suffix::kNone;
  if (f == nullptr) {
    bool count = ends_with(name, "_count", 6), sum = ends_with(name, "_sum", 4);
    if (count || sum) {
      Family* base = find_family(name.substr(0, name.size() - (count ? 6 : 4)));
      if (base != nullptr && base->has_type && base->type == MetricType::kSummary) {
        f = base;
        suffix = count ? Suffix::kCount : Suffix::kSum;
      }
    }
    bool bucket = ends_with(name, "_bucket", 7);
    if (f == nullptr && (count || sum || bucket)) {
      Family* base = find_family(name.substr(0, name.size() - (count ? 6 : sum ? 4 : 7)));
      if (base != nullptr && base->has_type && base->type == MetricType::kHistogram) {
        f = base;
        suffix = count ? Suffix::kCount : sum ? Suffix::kSum : Suffix::kBucket;
      }
    }
    if (f == nullptr) f = &family_named(name);
  }
  last_resolved_ = resolved_next_++ % resolved_.size();
  Resolved& r = resolved_[last_resolved_];
  r.name.assign(name);
  r.family = f->id;
  r.suffix = suffix;
  return *f;
}

void Parser::text_sample(std::string_view line, size_t i) {
  if (!is(line[i], detail::kNameStart)) {
    error(kSyntax, "invalid metric name", i, i + 1,
          "a metric name matches [a-zA-Z_:][a-zA-Z0-9_:]*");
    return;
  }
  // Consecutive lines mostly repeat the metric name: comparing is cheaper than scanning.
  size_t name_end;
  const std::string& last_name = resolved_[last_resolved_].name;
  size_t last = last_name.size();
  if (last > 0 && line.size() - i > last &&
      std::memcmp(line.data() + i, last_name.data(), last) == 0 &&
      !is(line[i + last], detail::kNameCont)) {
    name_end = i + last;
  } else {
    name_end = detail::scan(line, i, detail::kNameCont);
  }
  std::string_view name = line.substr(i, name_end - i);
  Suffix suffix;
  Family& f = text_resolve(name, suffix);
  if (!f.has_type) {
    f.has_type = true;  // expfmt fixes the type at the first sample
    f.type = MetricType::kUntyped;
  }
  bool hist = f.type == MetricType::kHistogram, summ = f.type == MetricType::kSummary;
  size_t j = skip_blanks(line, name_end);
  labels_.clear();
  if (!unescaped_.empty()) unescaped_.clear();
  if (j < line.size() && line[j] == '{') {
    ++j;
    size_t counted = 0;  // labels expfmt keeps (not le of a histogram, not quantile of a summary)
    if (!many_labels_.empty()) many_labels_.clear();
    auto& many = many_labels_;
    for (;;) {
      j = skip_blanks(line, j);
      if (j < line.size() && line[j] == '}') {
        j = skip_blanks(line, j + 1);
        break;
      }
      if (j == line.size() || !is(line[j], detail::kLabelStart)) {
        error(kSyntax, "invalid label name for metric " + quote(f.name), j, j + 1,
              "a label name matches [a-zA-Z_][a-zA-Z0-9_]*");
        return;
      }
      bool camel_case = false;
      size_t ln_end = detail::scan_label_name(line, j, camel_case);
      std::string_view lname = line.substr(j, ln_end - j);
      size_t ln_at = j;
      if (lname[0] == '_' && lname == "__name__") {
        error(kSyntax, "label name \"__name__\" is reserved", j, ln_end);
        return;
      }
      j = skip_blanks(line, ln_end);
      if (j == line.size() || line[j] != '=') {
        error(kSyntax, "expected '=' after label name " + quote(lname), j, j + 1);
        return;
      }
      if (!((hist && lname == "le") || (summ && lname == "quantile"))) {
        bool dup = false;
        if (counted < 16) {
          for (const Label& l : labels_) {
            if (l.name.size() == lname.size() && l.name[0] == lname[0] && l.name == lname &&
                !((hist && l.name == "le") || (summ && l.name == "quantile")))
              dup = true;
          }
        } else {
          if (many.empty()) {
            for (const Label& l : labels_) many.insert(l.name);
          }
          dup = !many.insert(lname).second;
        }
        if (dup) {
          error(kSyntax, "duplicate label name " + quote(lname) + " for metric " + quote(f.name),
                ln_at, ln_end);
          return;
        }
        ++counted;
        if (!many.empty()) many.insert(lname);
      }
      j = skip_blanks(line, j + 1);
      if (j == line.size() || line[j] != '"') {
        error(kSyntax, "expected '\"' at start of label value", j, j + 1);
        return;
      }
      size_t v_at = ++j;
      bool escaped = false;
      uint64_t seen = 0;
      for (;;) {
        j = detail::find_quote_or_backslash(line, j, seen);
        if (j == line.size() || line[j] == '"') break;
        char n = j + 1 < line.size() ? line[j + 1] : '\n';
        if (n != '"' && n != '\\' && n != 'n') {
          error(kSyntax,
                n == '\n' ? std::string("label value ends with a lone backslash")
                          : "invalid escape sequence '\\" + std::string(1, n) + "'",
                j, j + 2, "label values know only \\\\, \\\" and \\n");
          return;
        }
        escaped = true;
        j += 2;
      }
      bool high = (seen & 0x8080808080808080ULL) != 0;
      if (j == line.size()) {
        error(kSyntax, "label value " + quote(line.substr(v_at)) + " contains unescaped new-line",
              v_at - 1, j, "close the value with \" and write a newline as \\n");
        return;
      }
      std::string_view value = line.substr(v_at, j - v_at);
      if (high && !detail::valid_utf8(value)) {
        error(kSyntax, "invalid label value " + quote(value) + ": not valid UTF-8", v_at, j);
        return;
      }
      if (escaped) {
        std::string& u = unescaped_.emplace_back();
        for (size_t k = 0; k < value.size(); ++k) {
          if (value[k] == '\\') {
            ++k;
            u += value[k] == 'n' ? '\n' : value[k];
          } else {
            u += value[k];
          }
        }
        value = u;
      }
      if ((summ && lname == "quantile") || (hist && lname == "le")) {
        if (!is_valid_float(value)) {
          error(
              kValue,
              "expected float as value for '" + std::string(lname) + "' label, got " + quote(value),
              v_at, j);
          return;
        }
      }
      labels_.push_back({lname, value, static_cast<int>(ln_at) + 1, camel_case});
      j = skip_blanks(line, j + 1);
      if (j < line.size() && line[j] == ',') {
        ++j;
        continue;
      }
      if (j < line.size() && line[j] == '}') {
        j = skip_blanks(line, j + 1);
        break;
      }
      error(kSyntax, "expected ',' or '}' after the value of label " + quote(lname), j, j + 1);
      return;
    }
  }
  size_t v_end = token_end(line, j);
  std::string_view value = line.substr(j, v_end - j);
  Sample s;
  s.has_number = fast_decimal(value, s.number);
  if (!s.has_number && !is_valid_float(value)) {
    error(kValue, "expected float as value, got " + quote(value), j, v_end,
          value.empty() ? "" : "a value is a Go float: 1, -2.5, 1e3, NaN, +Inf");
    return;
  }
  s.family = &f;
  s.name = name;
  s.suffix = suffix;
  s.value = value;
  if (v_end < line.size()) {
    size_t t = skip_blanks(line, v_end);
    size_t t_end = token_end(line, t);
    std::string_view ts = line.substr(t, t_end - t);
    if (!is_valid_int64(ts)) {
      error(kValue, "expected integer as timestamp, got " + quote(ts), t, t_end,
            ts.empty() ? "remove the blanks after the value" : "a timestamp is int64 milliseconds");
      return;
    }
    if (t_end < line.size()) {
      error(kSyntax, "spurious string after timestamp: " + quote(line.substr(t_end)), t_end,
            line.size());
      return;
    }
    s.has_timestamp = true;
  }
  emit(s);
}

}  // namespace caxtool::exposition
