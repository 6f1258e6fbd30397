// SPDX-License-Identifier: Apache-2.0
// OpenMetrics 1.0 text: a strict grammar (single spaces, no blank lines, no comments but
// HELP/TYPE/UNIT, # EOF last), families that must not interleave, and per-type rules on sample
// names, labels and values. The verdicts follow the OpenMetrics test suite's shouldParse.
#include <cmath>

#include "exposition/chars.h"
#include "exposition/number.h"
#include "exposition/parser.h"

namespace caxtool::exposition {
namespace {

using detail::is;
using detail::quote;

constexpr std::string_view kSyntax = "exposition/syntax";
constexpr std::string_view kMetadata = "exposition/metadata";
constexpr std::string_view kValue = "exposition/value";
constexpr std::string_view kGrouping = "exposition/grouping";
constexpr std::string_view kHistogram = "exposition/histogram";
constexpr std::string_view kExemplar = "exposition/exemplar";
constexpr std::string_view kEof = "exposition/eof";
constexpr size_t kMaxExemplarRunes = 128;

struct SuffixName {
  std::string_view text;
  Suffix suffix;
};

// The sample names a family of each type owns, as suffixes of the family name.
std::span<const SuffixName> suffixes(MetricType t) {
  static const SuffixName kNone[] = {{"", Suffix::kNone}};
  static const SuffixName kCounter[] = {{"_total", Suffix::kTotal}, {"_created", Suffix::kCreated}};
  static const SuffixName kHist[] = {{"_bucket", Suffix::kBucket},
                                     {"_count", Suffix::kCount},
                                     {"_sum", Suffix::kSum},
                                     {"_created", Suffix::kCreated}};
  static const SuffixName kGaugeHist[] = {
      {"_bucket", Suffix::kBucket}, {"_gcount", Suffix::kGcount}, {"_gsum", Suffix::kGsum}};
  static const SuffixName kSummary[] = {{"", Suffix::kNone},
                                        {"_count", Suffix::kCount},
                                        {"_sum", Suffix::kSum},
                                        {"_created", Suffix::kCreated}};
  static const SuffixName kInfo[] = {{"_info", Suffix::kInfo}};
  switch (t) {
    case MetricType::kCounter:
      return kCounter;
    case MetricType::kHistogram:
      return kHist;
    case MetricType::kGaugeHistogram:
      return kGaugeHist;
    case MetricType::kSummary:
      return kSummary;
    case MetricType::kInfo:
      return kInfo;
    default:
      return kNone;
  }
}

bool parse_om_type(std::string_view s, MetricType& t) {
  static const std::pair<std::string_view, MetricType> kTypes[] = {
      {"counter", MetricType::kCounter},     {"gauge", MetricType::kGauge},
      {"histogram", MetricType::kHistogram}, {"gaugehistogram", MetricType::kGaugeHistogram},
      {"stateset", MetricType::kStateset},   {"info", MetricType::kInfo},
      {"summary", MetricType::kSummary},     {"unknown", MetricType::kUntyped},
  };
  for (const auto& [name, type] : kTypes) {
    if (s == name) {
      t = type;
      return true;
    }
  }
  return false;
}

}  // namespace

struct Parser::OmState {
  bool eof = false;
  Family* current = nullptr;
  bool current_sampled = false;
  HashSet claimed;  // every family name and every sample name a family owns
  // The metric (label set without le/quantile/state label) being read, and those finished.
  bool in_metric = false;
  uint64_t metric_key = 0;
  HashSet done_metrics;
  bool metric_has_ts = false;
  double last_ts = 0;
  HistogramMetric hist;
  int hist_line = 0;
  std::string hist_text;
};

Parser::Parser(ParseOptions options, Handler* handler)
    : options_(std::move(options)), handler_(handler) {
  if (options_.format == Format::kOpenMetrics) om_ = std::make_unique<OmState>();
}

Parser::~Parser() = default;

void Parser::om_line(std::string_view line, bool terminated) {
  OmState& st = *om_;
  if (st.eof) {
    if (!line.empty() || terminated) {
      error(kEof, "unexpected data after # EOF", 0, line.size(), "# EOF must be the last line");
      st.eof = false;  // report it once
      st.current = nullptr;
    }
    return;
  }
  if (!terminated && line.empty()) return;
  if (line.empty()) {
    error(kSyntax, "empty line", 0, 0, "OpenMetrics allows no blank lines");
    return;
  }
  if (line == "# EOF") {
    om_end_family();
    st.eof = true;
    return;
  }
  if (line[0] == '#') {
    om_metadata(line);
  } else {
    om_sample(line);
  }
}

bool Parser::om_claim(Family& f, size_t offset) {
  OmState& st = *om_;
  for (const SuffixName& s : suffixes(f.type)) {
    if (s.text.empty()) continue;
    std::string n = f.name + std::string(s.text);
    if (!st.claimed.insert(hash_bytes(n))) {
      error(kGrouping,
            "the " + std::string(type_name(f.type, Format::kOpenMetrics)) + " family " +
                quote(f.name) + " owns the name " + quote(n) + ", which an earlier family used",
            offset, offset + 1);
      return false;
    }
  }
  return true;
}

void Parser::om_start_family(std::string_view name, size_t offset) {
  OmState& st = *om_;
  om_end_family();
  if (!st.claimed.insert(hash_bytes(name))) {
    error(kGrouping,
          "metric family " + quote(name) + " appears again: families must not interleave", offset,
          offset + name.size(), "write all metadata and samples of a family together");
  }
  by_name_.erase(std::string(name));
  Family& f = family_named(name);
  st.current = &f;
  st.current_sampled = false;
}

void Parser::om_end_metric() {
  OmState& st = *om_;
  if (!st.in_metric) return;
  st.in_metric = false;
  st.done_metrics.insert(st.metric_key);
  if (st.hist.active() && st.current != nullptr) {
    bool gauge = st.current->type == MetricType::kGaugeHistogram;
    std::string problem = st.hist.finish(true, gauge);
    if (!problem.empty()) {
      // Point at the metric's last line, kept for this purpose.
      int saved = line_no_;
      std::string_view saved_line = line_;
      line_no_ = st.hist_line;
      line_ = st.hist_text;
      error(kHistogram, problem, 0, st.hist_text.size());
      line_no_ = saved;
      line_ = saved_line;
    }
  }
  st.hist.reset();
}

void Parser::om_end_family() {
  OmState& st = *om_;
  om_end_metric();
  st.done_metrics.clear();
  st.current = nullptr;
}

void Parser::om_finish() {
  OmState& st = *om_;
  if (!st.eof) {
    om_end_family();
    error(kEof, "data does not end with # EOF", 0, line_.size(),
          "OpenMetrics ends with a line # EOF; without it the input may be cut short");
  }
}

void Parser::om_metadata(std::string_view line) {
  OmState& st = *om_;
  std::string_view kw = line.size() >= 7 ? line.substr(2, 4) : std::string_view();
  if (line.size() < 7 || line[1] != ' ' || line[6] != ' ' ||
      (kw != "HELP" && kw != "TYPE" && kw != "UNIT")) {
    error(kSyntax, "invalid comment: OpenMetrics allows only # HELP, # TYPE, # UNIT and # EOF", 0,
          line.size());
    return;
  }
  size_t i = 7;
  if (i >= line.size() || !is(line[i], detail::kNameStart)) {
    error(kSyntax, "expected a metric name after # " + std::string(kw), i, i + 1);
    return;
  }
  size_t name_end = detail::scan(line, i, detail::kNameCont);
  std::string_view name = line.substr(i, name_end - i);
  if (name_end >= line.size() || line[name_end] != ' ') {
    error(kSyntax, "expected a space after the metric name in # " + std::string(kw), name_end,
          name_end + 1);
    return;
  }
  std::string_view rest = line.substr(name_end + 1);
  if (st.current == nullptr || st.current->name != name) om_start_family(name, i);
  Family& f = *st.current;
  if (st.current_sampled) {
    error(kMetadata, "# " + std::string(kw) + " for " + quote(name) + " after its samples", 0,
          name_end, "metadata comes before the family's samples");
    return;
  }
  if (kw == "HELP") {
    if (f.has_help) {
      error(kMetadata, "second HELP line for metric name " + quote(name), 0, name_end);
      return;
    }
    f.has_help = true;
    return;
  }
  if (kw == "TYPE") {
    if (f.has_type) {
      error(kMetadata, "second TYPE line for metric name " + quote(name), 0, name_end);
      return;
    }
    MetricType t;
    if (!parse_om_type(rest, t)) {
      error(kMetadata, "unknown metric type " + quote(rest), name_end + 1, line.size(),
            "OpenMetrics knows counter, gauge, histogram, gaugehistogram, stateset, info, "
            "summary and unknown");
      return;
    }
    f.has_type = true;
    f.type = t;
    if (f.has_unit && !f.unit.empty() && (t == MetricType::kInfo || t == MetricType::kStateset)) {
      error(kMetadata, std::string(type_name(t, Format::kOpenMetrics)) + " metrics have no unit", 0,
            line.size());
    }
    om_claim(f, name_end + 1);
    return;
  }
  if (f.has_unit) {
    error(kMetadata, "second UNIT line for metric name " + quote(name), 0, name_end);
    return;
  }
  size_t u_end = detail::scan(rest, 0, detail::kNameCont);
  if (u_end != rest.size()) {
    error(kMetadata, "invalid unit " + quote(rest), name_end + 1 + u_end, line.size());
    return;
  }
  f.has_unit = true;
  f.unit = std::string(rest);
  if (rest.empty()) return;
  if (!(name.size() > rest.size() && name.substr(name.size() - rest.size()) == rest &&
        name[name.size() - rest.size() - 1] == '_')) {
    error(kMetadata, "unit " + quote(rest) + " not a suffix of metric " + quote(name), name_end + 1,
          line.size(), "name the family " + std::string(name) + "_" + std::string(rest));
  } else if (f.type == MetricType::kInfo || f.type == MetricType::kStateset) {
    error(kMetadata, std::string(type_name(f.type, Format::kOpenMetrics)) + " metrics have no unit",
          0, line.size());
  }
}

bool Parser::om_labels(std::string_view line, size_t& i, std::vector<Label>& out, bool exemplar) {
  ++i;  // '{'
  if (i < line.size() && line[i] == '}') {
    ++i;
    return true;
  }
  for (;;) {
    if (i >= line.size() || !is(line[i], detail::kLabelStart)) {
      error(kSyntax, "invalid label name", i, i + 1, "a label name matches [a-zA-Z_][a-zA-Z0-9_]*");
      return false;
    }
    bool camel_case = false;
    size_t n_end = detail::scan_label_name(line, i, camel_case);
    std::string_view lname = line.substr(i, n_end - i);
    size_t n_at = i;
    for (const Label& l : out) {
      if (l.name == lname) {
        error(kSyntax, "duplicate label name " + quote(lname), i, n_end);
        return false;
      }
    }
    if (n_end >= line.size() || line[n_end] != '=') {
      error(kSyntax, "expected '=' after label name " + quote(lname), n_end, n_end + 1);
      return false;
    }
    i = n_end + 1;
    if (i >= line.size() || line[i] != '"') {
      error(kSyntax, "expected '\"' at start of label value", i, i + 1);
      return false;
    }
    size_t v_at = ++i;
    bool escaped = false;
    uint64_t seen = 0;
    for (;;) {
      i = detail::find_quote_or_backslash(line, i, seen);
      if (i >= line.size() || line[i] == '"') break;
      escaped = true;  // a backslash: it and the byte after it
      i += 2;
    }
    bool high = (seen & 0x8080808080808080ULL) != 0;
    if (i >= line.size()) {
      error(kSyntax, "unterminated label value", v_at - 1, line.size());
      return false;
    }
    std::string_view value = line.substr(v_at, i - v_at);
    if (high && !detail::valid_utf8(value)) {
      error(kSyntax, "invalid UTF-8 label value " + quote(value), v_at, i);
      return false;
    }
    if (escaped) {
      // \n, \" and \\ are escapes; a backslash before anything else stands for itself.
      std::string& u = unescaped_.emplace_back();
      for (size_t k = 0; k < value.size(); ++k) {
        if (value[k] == '\\' && k + 1 < value.size() &&
            (value[k + 1] == 'n' || value[k + 1] == '"' || value[k + 1] == '\\')) {
          ++k;
          u += value[k] == 'n' ? '\n' : value[k];
        } else {
          u += value[k];
        }
      }
      value = u;
    }
    out.push_back({lname, value, static_cast<int>(n_at) + 1, camel_case});
    ++i;
    if (i < line.size() && line[i] == ',') {
      ++i;
      continue;
    }
    if (i < line.size() && line[i] == '}') {
      ++i;
      return true;
    }
    error(kSyntax,
          exemplar ? "expected ',' or '}' in exemplar labels"
                   : "expected ',' or '}' after label value",
          i, i + 1);
    return false;
  }
}

void Parser::om_sample(std::string_view line) {
  OmState& st = *om_;
  if (!is(line[0], detail::kNameStart)) {
    error(kSyntax, "invalid metric name", 0, 1, "a metric name matches [a-zA-Z_:][a-zA-Z0-9_:]*");
    return;
  }
  size_t i = detail::scan(line, 0, detail::kNameCont);
  std::string_view name = line.substr(0, i);
  labels_.clear();
  unescaped_.clear();
  if (i < line.size() && line[i] == '{' && !om_labels(line, i, labels_, false)) return;
  if (i >= line.size() || line[i] != ' ') {
    error(kSyntax, i >= line.size() ? "missing value" : "expected a space before the value", i,
          i + 1);
    return;
  }
  size_t v_at = ++i;
  size_t v_end = line.find(' ', i);
  if (v_end == std::string_view::npos) v_end = line.size();
  std::string_view value = line.substr(v_at, v_end - v_at);
  if (!is_valid_float(value)) {
    error(kValue, "invalid value " + quote(value), v_at, v_end,
          "a value is a decimal float, +Inf, -Inf or NaN");
    return;
  }
  bool has_ts = false, has_exemplar = false;
  double ts = 0;
  i = v_end;
  if (i < line.size()) {
    ++i;
    if (i < line.size() && line[i] != '#') {
      size_t t_end = line.find(' ', i);
      if (t_end == std::string_view::npos) t_end = line.size();
      std::string_view t = line.substr(i, t_end - i);
      if (!is_valid_real(t)) {
        error(kValue, "invalid timestamp " + quote(t), i, t_end,
              "an OpenMetrics timestamp is a finite number of seconds");
        return;
      }
      has_ts = true;
      ts = to_float(t);
      i = t_end;
      if (i < line.size())
        ++i;
      else
        i = std::string_view::npos;
    }
    if (i != std::string_view::npos) {
      if (line.substr(i, 3) != "# {") {
        error(kExemplar, "expected an exemplar ' # {labels} value [timestamp]'", i, line.size());
        return;
      }
      i += 2;
      std::vector<Label> ex;
      if (!om_labels(line, i, ex, true)) return;
      size_t runes = 0;
      for (const Label& l : ex)
        runes += detail::count_code_points(l.name) + detail::count_code_points(l.value);
      if (runes > kMaxExemplarRunes) {
        error(kExemplar,
              "exemplar labels have " + std::to_string(runes) +
                  " characters; at most 128 are allowed",
              v_end, line.size());
        return;
      }
      if (i >= line.size() || line[i] != ' ') {
        error(kExemplar, "expected a space and the exemplar's value", i, i + 1);
        return;
      }
      size_t e_at = ++i;
      size_t e_end = line.find(' ', i);
      if (e_end == std::string_view::npos) e_end = line.size();
      if (!is_valid_float(line.substr(e_at, e_end - e_at))) {
        error(kExemplar, "invalid exemplar value " + quote(line.substr(e_at, e_end - e_at)), e_at,
              e_end);
        return;
      }
      if (e_end < line.size()) {
        size_t x_at = e_end + 1;
        size_t x_end = line.find(' ', x_at);
        if (x_end == std::string_view::npos) x_end = line.size();
        if (!is_valid_real(line.substr(x_at, x_end - x_at))) {
          error(kExemplar, "invalid exemplar timestamp " + quote(line.substr(x_at, x_end - x_at)),
                x_at, x_end);
          return;
        }
        if (x_end < line.size()) {
          error(kExemplar, "unexpected text after the exemplar", x_end, line.size());
          return;
        }
      }
      has_exemplar = true;
    }
  }

  // Which family the sample belongs to: the current one if its type owns the name.
  Family* f = st.current;
  Suffix suffix = Suffix::kNone;
  bool belongs = false;
  if (f != nullptr) {
    for (const SuffixName& s : suffixes(f->type)) {
      if (name.size() == f->name.size() + s.text.size() && name.starts_with(f->name) &&
          name.ends_with(s.text)) {
        belongs = true;
        suffix = s.suffix;
      }
    }
    if (!belongs && f->has_type && f->type != MetricType::kUntyped && name.starts_with(f->name)) {
      std::string_view rest = name.substr(f->name.size());
      static constexpr std::string_view kKnown[] = {
          "", "_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"};
      for (std::string_view k : kKnown) {
        if (rest == k) {
          std::string owned;
          for (const SuffixName& s : suffixes(f->type))
            owned += " " + f->name + std::string(s.text);
          error(kGrouping,
                "sample " + quote(name) + " does not belong to the " +
                    std::string(type_name(f->type, Format::kOpenMetrics)) + " family " +
                    quote(f->name),
                0, name.size(), "its samples are named:" + owned);
          return;
        }
      }
    }
  }
  if (!belongs) {
    om_start_family(name, 0);
    f = st.current;
  }
  st.current_sampled = true;
  MetricType t = f->type;
  bool hist = t == MetricType::kHistogram || t == MetricType::kGaugeHistogram;
  uint64_t key = 0;
  for (const Label& l : labels_) {
    if ((hist && l.name == "le") || (t == MetricType::kSummary && l.name == "quantile") ||
        (t == MetricType::kStateset && l.name == f->name)) {
      continue;
    }
    key += hash_label(l.name, l.value);
  }
  if (!st.in_metric || key != st.metric_key) {
    om_end_metric();
    if (st.done_metrics.contains(key)) {
      error(kGrouping,
            "samples of one metric of " + quote(f->name) + " are interleaved with another's", 0,
            v_at - 1, "write all samples of a label set together");
    }
    st.in_metric = true;
    st.metric_key = key;
    st.metric_has_ts = has_ts;
    st.last_ts = ts;
  } else if (has_ts != st.metric_has_ts) {
    error(kGrouping, "some samples of this metric have a timestamp and some do not", v_at,
          line.size());
  } else if (has_ts && ts < st.last_ts) {
    error(kGrouping, "timestamp goes backwards within a metric", v_end + 1, line.size());
  } else if (has_ts && ts > st.last_ts) {
    // A new MetricPoint: its buckets start again.
    bool keep = st.in_metric;
    om_end_metric();
    st.in_metric = keep;
    st.last_ts = ts;
  }
  if (has_exemplar && !((t == MetricType::kCounter && suffix == Suffix::kTotal) ||
                        (hist && suffix == Suffix::kBucket))) {
    error(kExemplar, "exemplars are allowed only on counter _total and histogram _bucket samples",
          v_end, line.size());
  }
  Sample s;
  s.family = f;
  s.name = name;
  s.suffix = suffix;
  s.value = value;
  s.has_timestamp = has_ts;
  s.has_exemplar = has_exemplar;
  om_check_value(s, to_float(value), v_at);
  emit(s);
}

void Parser::om_check_value(const Sample& s, double v, size_t at) {
  OmState& st = *om_;
  const Family& f = *s.family;
  auto bad = [&](std::string message) {
    error(kValue, std::move(message), at, at + s.value.size());
  };
  auto find = [&](std::string_view name) -> const Label* {
    for (const Label& l : labels_) {
      if (l.name == name) return &l;
    }
    return nullptr;
  };
  bool negative_or_nan = std::isnan(v) || v < 0;
  switch (f.type) {
    case MetricType::kCounter:
      if (s.suffix == Suffix::kTotal && negative_or_nan)
        bad("a counter's value must be >= 0, not " + std::string(s.value));
      return;
    case MetricType::kInfo:
      if (v != 1) bad("an info metric's value must be 1");
      return;
    case MetricType::kStateset:
      if (find(f.name) == nullptr) {
        error(kSyntax, "a stateset sample needs the label " + quote(f.name), 0, s.name.size());
      }
      if (v != 0 && v != 1) bad("a stateset's value must be 0 or 1");
      return;
    case MetricType::kSummary:
      if (s.suffix == Suffix::kNone) {
        const Label* q = find("quantile");
        if (q == nullptr) {
          error(kSyntax, "a summary quantile sample needs a quantile label", 0, s.name.size());
        } else if (!is_valid_float(q->value) || std::isnan(to_float(q->value)) ||
                   to_float(q->value) < 0 || to_float(q->value) > 1) {
          error(kValue, "quantile " + quote(q->value) + " is not a number between 0 and 1",
                static_cast<size_t>(q->column - 1), at);
        } else if (v < 0) {
          bad("a summary quantile's value must not be negative");
        }
      } else if ((s.suffix == Suffix::kCount || s.suffix == Suffix::kSum) && negative_or_nan) {
        bad("a summary's " + std::string(s.suffix == Suffix::kCount ? "_count" : "_sum") +
            " must be >= 0, not " + std::string(s.value));
      }
      return;
    case MetricType::kHistogram:
    case MetricType::kGaugeHistogram: {
      st.hist_line = line_no_;
      st.hist_text.assign(line_);
      if (s.suffix == Suffix::kBucket) {
        const Label* le = find("le");
        if (le == nullptr) {
          error(kHistogram, "a histogram bucket needs an le label", 0, s.name.size());
          return;
        }
        if (!is_valid_float(le->value) || std::isnan(to_float(le->value))) {
          error(kHistogram, "le " + quote(le->value) + " is not a number",
                static_cast<size_t>(le->column - 1), at);
          return;
        }
        if (negative_or_nan) {
          bad("a bucket's count must be >= 0, not " + std::string(s.value));
          return;
        }
        std::string problem = st.hist.add_bucket(le->value, to_float(le->value), v);
        if (!problem.empty()) error(kHistogram, problem, static_cast<size_t>(le->column - 1), at);
      } else if (s.suffix == Suffix::kCount || s.suffix == Suffix::kGcount) {
        if (negative_or_nan) bad("a histogram's count must be >= 0, not " + std::string(s.value));
        st.hist.add_count(v);
      } else if (s.suffix == Suffix::kSum || s.suffix == Suffix::kGsum) {
        if (std::isnan(v)) bad("a histogram's sum must not be NaN");
        st.hist.add_sum(v);
      }
      return;
    }
    default:
      return;
  }
}

}  // namespace caxtool::exposition
