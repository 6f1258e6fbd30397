// SPDX-License-Identifier: Apache-2.0
// The series notation. Prometheus lexes a series description with its PromQL lexer in a mode
// where `x` after a number is the repetition operator and `_` is a blank (series_lexer.h), then
// applies the grammar `item := _ | _ x N | v | v x N | v (+|-)d x N`; `v x N` and `v±d x N`
// give N+1 values, `_ x N` gives N. The grammar is goyacc's, so its errors are too: a token
// that cannot continue an item fails "in series values" (the series_values error rule), one
// that cannot start an item or follow a space fails bare (the start rule's), and an
// identifier other than stale, a number strconv refuses or a repetition count that is not an
// unsigned integer each say so.
#include "ruletest/series.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "promql/eval/engine.h"
#include "promql/literals.h"
#include "promql/parser.h"
#include "ruletest/histogram_notation.h"
#include "ruletest/series_lexer.h"

namespace caxtool::ruletest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
class Scanner {
 public:
  Scanner(std::string_view text, size_t base, HistogramValues* hist = nullptr)
      : text_(trim_end(text)), base_(base), lexer_(text_, hist != nullptr) {
    hist_ = hist;
  }

  // The parser's states: after a space (an item may start) and after an item (a space or the
  // end must follow). Only the first error counts, as promtool prints only that one.
  bool run(std::vector<std::optional<double>>& out, NotationError& error, size_t max_values) {
    SeriesToken t = lexer_.next();
    bool item_may_start = true;  // the space between the metric and the values
    for (;;) {
      if (!item_may_start) {
        if (t.kind == SeriesToken::kEof) return true;
        if (t.kind != SeriesToken::kSpace) return bare_error(t, error);
        t = lexer_.next();
        item_may_start = true;
        continue;
      }
      item_may_start = false;
      size_t start = t.at;
      switch (t.kind) {
        case SeriesToken::kHistogram:
          pos_ = t.at;
          if (!histogram_item(out, error, max_values)) return false;
          if (pos_ < text_.size() && !is_space(text_[pos_]))
            return fail(error, pos_, "unexpected " + describe_here() + " in series values");
          lexer_.set_pos(pos_);
          t = lexer_.next();
          break;
        case SeriesToken::kBlank: {
          uint64_t n = 1;
          t = lexer_.next();
          if (t.kind == SeriesToken::kTimes) {
            t = lexer_.next();
            if (!repetition(t, n, error)) return false;
            t = lexer_.next();
          }
          if (!room(out, n, max_values, start, error)) return false;
          out.insert(out.end(), n, std::nullopt);
          break;
        }
        case SeriesToken::kIdentifier:
        case SeriesToken::kNumber:
        case SeriesToken::kAdd:
        case SeriesToken::kSub:
          if (!value_item(t, out, error, max_values)) return false;
          break;
        default:
          break;  // no item: the space ended the values, and the token is looked at again
      }
    }
  }

 private:
  static std::string_view trim_end(std::string_view s) {
    // promtool's loader trims each line of its load command.
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
  }
  bool fail(NotationError& error, size_t at, std::string message) {
    error.offset = base_ + at;
    error.message = std::move(message);
    return false;
  }
  // A lexer error is the parser's end of input, and the only message.
  bool bare_error(const SeriesToken& t, NotationError& error) {
    if (t.kind == SeriesToken::kError) return fail(error, t.at, t.error);
    return fail(error, t.at, "unexpected " + describe(t));
  }
  bool values_error(const SeriesToken& t, NotationError& error) {
    if (t.kind == SeriesToken::kError) return fail(error, t.at, t.error);
    return fail(error, t.at, "unexpected " + describe(t) + " in series values");
  }

  // `v`, `v x N` or `v (+|-)d x N`, where v is a number, a signed number or stale. On return
  // `t` is the token after the item.
  bool value_item(SeriesToken& t, std::vector<std::optional<double>>& out, NotationError& error,
                  size_t max_values) {
    size_t start = t.at;
    double v = 0;
    if (t.kind == SeriesToken::kIdentifier) {
      if (t.text != "stale") {
        return fail(
            error, t.at,
            "unexpected " + describe(t) + " in series values, expected number or \"stale\"");
      }
      v = std::bit_cast<double>(promql::eval::kStaleNaNBits);
      t = lexer_.next();
    } else if (!signed_number(t, v, error)) {
      return false;
    }
    uint64_t n = 0;
    double step = 0;
    if (t.kind == SeriesToken::kAdd || t.kind == SeriesToken::kSub) {
      if (!signed_number(t, step, error)) return false;
      if (t.kind != SeriesToken::kTimes) return values_error(t, error);
    }
    if (t.kind != SeriesToken::kTimes) {
      if (!room(out, 1, max_values, start, error)) return false;
      out.emplace_back(v);
      return true;
    }
    t = lexer_.next();
    if (!repetition(t, n, error)) return false;
    t = lexer_.next();
    // n alone first: n + 1 wraps to 0 for the largest repetition count.
    if (!room(out, n, max_values, start, error) || !room(out, n + 1, max_values, start, error))
      return false;
    for (uint64_t i = 0; i <= n; ++i) {
      out.emplace_back(v);
      v += step;
    }
    return true;
  }

  // number | + number | - number, read as parser.number() reads it.
  bool signed_number(SeriesToken& t, double& v, NotationError& error) {
    bool neg = t.kind == SeriesToken::kSub;
    if (t.kind == SeriesToken::kAdd || t.kind == SeriesToken::kSub) t = lexer_.next();
    if (t.kind != SeriesToken::kNumber) return values_error(t, error);
    std::string why;
    std::optional<double> x = promql::detail::parse_number(t.text, &why);
    if (!x) return fail(error, t.at, "error parsing number: " + why);
    v = neg ? -*x : *x;
    t = lexer_.next();
    return true;
  }

  // The `uint` rule: strconv.ParseUint(s, 10, 64) of a number token.
  bool repetition(const SeriesToken& t, uint64_t& n, NotationError& error) {
    if (t.kind != SeriesToken::kNumber) return values_error(t, error);
    bool digits = !t.text.empty() && std::all_of(t.text.begin(), t.text.end(), [](char c) {
      return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
    auto [p, ec] = std::from_chars(t.text.data(), t.text.data() + t.text.size(), n);
    if (!digits || ec != std::errc{}) {
      return fail(error, t.at,
                  "invalid repetition in series values: strconv.ParseUint: parsing " +
                      promql::detail::go_quote(t.text) +
                      (digits ? ": value out of range" : ": invalid syntax"));
    }
    return true;
  }

  bool room(const std::vector<std::optional<double>>& out, uint64_t n, size_t max_values, size_t at,
            NotationError& error) {
    if (n > max_values || out.size() + n > max_values) {
      return fail(error, at,
                  "series expands to more than " + std::to_string(max_values) + " values");
    }
    return true;
  }

  // The raw-text helpers of the native-histogram reader, which reads `{{...}}` itself.
  std::string describe_here() const {
    if (pos_ >= text_.size()) return "end of input";
    SeriesLexer at(text_, true);
    at.set_pos(pos_);
    return describe(at.next());
  }
  bool peek_times() const { return pos_ < text_.size() && text_[pos_] == 'x'; }
  bool repetition_here(uint64_t& n, NotationError& error) {
    SeriesLexer at(text_, true);
    at.set_pos(pos_ + 1);  // past the x
    SeriesToken t = at.next();
    if (!repetition(t, n, error)) return false;
    pos_ = at.pos();
    return true;
  }

  std::optional<promql::eval::FloatHistogram> histogram(NotationError& error) {
    size_t at = 0;
    std::string message;
    std::optional<HistogramParse> p = parse_histogram(text_, pos_, at, message);
    if (!p) {
      error.offset = base_ + at;
      error.message = std::move(message);
      return std::nullopt;
    }
    pos_ = p->end;
    return std::move(p->h);
  }

  // `{{..}}`, `{{..}}xN` (N+1 copies) or `{{..}}(+|-){{..}}xN` (histogramsSeries: the base,
  // then N sums, the schema never raised by the increment).
  bool histogram_item(std::vector<std::optional<double>>& out, NotationError& error,
                      size_t max_values) {
    using promql::eval::FloatHistogram;
    size_t start = pos_;
    std::optional<FloatHistogram> base = histogram(error);
    if (!base) return false;
    auto push = [&](std::shared_ptr<const FloatHistogram> h) {
      hist_->emplace_back(out.size(), std::move(h));
      out.emplace_back(std::nullopt);
    };
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-') &&
        text_.compare(pos_ + 1, 2, "{{") == 0) {
      bool neg = text_[pos_] == '-';
      ++pos_;
      std::optional<FloatHistogram> inc = histogram(error);
      if (!inc) return false;
      if (!peek_times())
        return fail(error, pos_, "unexpected " + describe_here() + " in series values");
      uint64_t n = 0;
      if (!repetition_here(n, error)) return false;
      if (!room(out, n, max_values, start, error) || !room(out, n + 1, max_values, start, error))
        return false;
      size_t width = 1 + base->positive.buckets.size() + base->negative.buckets.size() +
                     inc->positive.buckets.size() + inc->negative.buckets.size();
      if (n > kMaxHistogramBuckets / width || (n + 1) * width + buckets_ > kMaxHistogramBuckets)
        return fail(error, start, "series expands to too many histogram buckets");
      auto cur = std::make_shared<const FloatHistogram>(std::move(*base));
      push(cur);
      for (uint64_t i = 1; i <= n; ++i) {
        if (cur->schema > inc->schema) {
          return fail(error, start,
                      "error combining histograms: cannot merge from schema " +
                          std::to_string(inc->schema) + " to " + std::to_string(cur->schema));
        }
        FloatHistogram next = *cur;
        std::string why;
        if (!(neg ? next.sub(*inc, &why) : next.add(*inc, &why))) return fail(error, start, why);
        buckets_ += next.positive.buckets.size() + next.negative.buckets.size() + 1;
        if (buckets_ > kMaxHistogramBuckets)
          return fail(error, start, "series expands to too many histogram buckets");
        cur = std::make_shared<const FloatHistogram>(std::move(next));
        push(cur);
      }
    } else {
      uint64_t n = 0;
      if (peek_times() && !repetition_here(n, error)) return false;
      if (!room(out, n, max_values, start, error) || !room(out, n + 1, max_values, start, error))
        return false;
      auto h = std::make_shared<const FloatHistogram>(std::move(*base));
      for (uint64_t i = 0; i <= n; ++i) push(h);
    }
    return true;
  }

  // What the expansion of `+` series may hold in all (each sum is its own histogram).
  static constexpr size_t kMaxHistogramBuckets = 20'000'000;
  size_t buckets_ = 0;
  HistogramValues* hist_ = nullptr;

  std::string_view text_;
  size_t base_;
  SeriesLexer lexer_;
  size_t pos_ = 0;  // the histogram reader's position
};

}  // namespace

bool parse_values(std::string_view values, std::vector<std::optional<double>>& out,
                  NotationError& error, size_t max_values, HistogramValues* histograms) {
  return Scanner(values, 0, histograms).run(out, error, max_values);
}

std::optional<LabelPairs> parse_metric(std::string_view text, NotationError& error) {
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return LabelPairs{};
  promql::ParseOptions options;
  options.version = promql::oldest_version();
  promql::ParseResult r = promql::parse(text, options);
  const promql::VectorSelector* sel = r.expr ? r.expr->as<promql::VectorSelector>() : nullptr;
  if (!r.errors.empty() && !sel) {
    error.offset = r.errors.front().begin;
    error.message = r.errors.front().message;
    return std::nullopt;
  }
  if (!sel || sel->offset.set() || sel->at.kind != promql::At::Kind::kNone) {
    error.offset = 0;
    error.message = "unexpected expression, expected a metric (name{label=\"value\"})";
    return std::nullopt;
  }
  LabelPairs labels;
  if (sel->name.empty() && sel->matchers.empty()) return labels;
  if (!sel->name.empty()) labels.emplace_back("__name__", sel->name);
  for (const promql::Matcher& m : sel->matchers) {
    if (m.op != promql::MatchOp::kEqual) {
      error.offset = m.begin;
      error.message = "unexpected \"" + std::string(promql::match_op_name(m.op)) +
                      "\" in label matching, expected \"=\"";
      return std::nullopt;
    }
    labels.emplace_back(m.name, m.value);
  }
  std::stable_sort(labels.begin(), labels.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  // A repeated name keeps its last value, as labels.Builder does.
  LabelPairs unique;
  for (auto& l : labels) {
    if (!unique.empty() && unique.back().first == l.first) {
      unique.back().second = std::move(l.second);
    } else {
      unique.push_back(std::move(l));
    }
  }
  return unique;
}

std::optional<ParsedSeries> parse_series(std::string_view series, std::string_view values,
                                         NotationError& error, size_t max_values, bool histograms) {
  ParsedSeries out;
  std::optional<LabelPairs> labels = parse_metric(series, error);
  if (!labels) {
    // Prometheus lexes labels and values as one string: an unclosed brace meets the values.
    std::string combined = std::string(series) + " " + std::string(values);
    promql::ParseOptions options;
    options.version = promql::oldest_version();
    promql::ParseResult r = promql::parse(combined, options);
    if (!r.errors.empty() && r.errors.front().begin >= series.size() &&
        r.errors.front().message.find("inside braces") != std::string::npos) {
      error.offset = r.errors.front().begin;
      error.message = r.errors.front().message;
    }
    return std::nullopt;
  }
  out.labels = std::move(*labels);
  if (!Scanner(values, series.size() + 1, histograms ? &out.histograms : nullptr)
           .run(out.values, error, max_values)) {
    return std::nullopt;
  }
  return out;
}

}  // namespace caxtool::ruletest
