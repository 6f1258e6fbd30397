// SPDX-License-Identifier: Apache-2.0
// The series notation. Prometheus lexes a series description with its PromQL lexer in a mode
// where `x` after a number is the repetition operator and `_` is a blank, then applies the
// grammar `item := _ | _ x N | v | v x N | v (+|-)d x N`; `v x N` and `v±d x N` give N+1
// values, `_ x N` gives N. This is that grammar over a hand-written scanner.
#include "ruletest/series.h"

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "ruletest/histogram_notation.h"

namespace caxtool::ruletest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }
bool is_alnum(char c) { return is_alpha(c) || std::isdigit(static_cast<unsigned char>(c)) != 0; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

// Go's strconv.ParseFloat on what the lexer took as a number: decimal, Inf, NaN.
std::optional<double> go_float(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (iequals(s, "inf") || iequals(s, "+inf") || iequals(s, "infinity")) return HUGE_VAL;
  if (iequals(s, "nan")) return std::nan("");
  std::string buf;
  for (char c : s) {
    if (c != '_') buf.push_back(c);  // Go allows underscores between digits in literals
  }
  const char* begin = buf.c_str();
  char* end = nullptr;
  double v = std::strtod(begin, &end);
  if (end != begin + buf.size()) return std::nullopt;
  return v;
}

class Scanner {
 public:
  Scanner(std::string_view text, size_t base, HistogramValues* hist = nullptr)
      : text_(text), base_(base) {
    hist_ = hist;
  }

  bool run(std::vector<std::optional<double>>& out, NotationError& error, size_t max_values) {
    while (true) {
      skip_space();
      if (pos_ >= text_.size()) return true;
      size_t start = pos_;
      if (hist_ && text_.compare(pos_, 2, "{{") == 0) {
        if (!histogram_item(out, error, max_values)) return false;
      } else if (text_[pos_] == '_' && (pos_ + 1 >= text_.size() || !is_alnum(text_[pos_ + 1]) ||
                                        text_[pos_ + 1] == 'x')) {
        ++pos_;
        uint64_t n = 1;
        if (peek_times()) {
          if (!repetition(n, error)) return false;
        }
        if (!room(out, n, max_values, start, error)) return false;
        out.insert(out.end(), n, std::nullopt);
      } else {
        std::optional<double> v = value(error);
        if (!v) return false;
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) {
          bool neg = text_[pos_] == '-';
          ++pos_;
          std::optional<double> d = number(error, "series values");
          if (!d) return false;
          if (!peek_times())
            return fail(error, pos_, "unexpected " + describe_here() + " in series values");
          uint64_t n = 0;
          if (!repetition(n, error)) return false;
          // n alone first: n + 1 wraps to 0 for the largest repetition count.
          if (!room(out, n, max_values, start, error) ||
              !room(out, n + 1, max_values, start, error)) {
            return false;
          }
          double step = neg ? -*d : *d;
          double cur = *v;
          for (uint64_t i = 0; i <= n; ++i) {
            out.emplace_back(cur);
            cur += step;
          }
        } else if (peek_times()) {
          uint64_t n = 0;
          if (!repetition(n, error)) return false;
          // n alone first: n + 1 wraps to 0 for the largest repetition count.
          if (!room(out, n, max_values, start, error) ||
              !room(out, n + 1, max_values, start, error)) {
            return false;
          }
          out.insert(out.end(), n + 1, *v);
        } else {
          if (!room(out, 1, max_values, start, error)) return false;
          out.emplace_back(*v);
        }
      }
      if (pos_ < text_.size() && !is_space(text_[pos_])) {
        return fail(error, pos_, "unexpected " + describe_here() + " in series values");
      }
    }
  }

 private:
  void skip_space() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
  }
  bool fail(NotationError& error, size_t at, std::string message) {
    error.offset = base_ + at;
    error.message = lexer_error(at).value_or(std::move(message));
    return false;
  }
  // Prometheus's lexer stops at a character that starts no token of a value sequence (a
  // space, + - x _, a digit, a letter, a dot before a digit) before the parser can object:
  // lexValueSequence's "unexpected character in series sequence: %q". (The native-histogram
  // notation's `{{` is one such character in versions before it.)
  std::optional<std::string> lexer_error(size_t at) const {
    if (at >= text_.size()) return std::nullopt;
    if (hist_ && text_.compare(at, 2, "{{") == 0) return std::nullopt;  // 2.47+'s histograms
    unsigned char c = static_cast<unsigned char>(text_[at]);
    bool digit_next =
        at + 1 < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at + 1]));
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '+' || c == '-' || c == '_' ||
        std::isdigit(c) != 0 || is_alpha(text_[at]) || (c == '.' && digit_next))
      return std::nullopt;
    std::string q;
    if (c == '\'' || c == '\\') {
      q = std::string("\\") + static_cast<char>(c);
    } else if (c >= 0x80) {
      size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      q = std::string(text_.substr(at, n));
    } else if (c < 0x20 || c == 0x7F) {
      static const char* kEsc[] = {"\\a", "\\b", nullptr, nullptr, nullptr, "\\v", "\\f"};
      if (c >= 7 && c <= 12 && kEsc[c - 7]) {
        q = kEsc[c - 7];
      } else {
        static const char kHex[] = "0123456789abcdef";
        q = std::string("\\x") + kHex[c >> 4] + kHex[c & 15];
      }
    } else {
      q = std::string(1, static_cast<char>(c));
    }
    return "unexpected character in series sequence: '" + q + "'";
  }
  bool room(const std::vector<std::optional<double>>& out, uint64_t n, size_t max_values, size_t at,
            NotationError& error) {
    if (n > max_values || out.size() + n > max_values) {
      return fail(error, at,
                  "series expands to more than " + std::to_string(max_values) + " values");
    }
    return true;
  }
  std::string describe_here() const {
    // Trailing spaces end the input for the parser.
    if (text_.find_first_not_of(" \t\r\n", pos_) == std::string_view::npos) return "end of input";
    if (text_[pos_] == 'x') return "\"x\"";  // the repetition token
    size_t end = pos_ + 1;
    if (is_alnum(text_[pos_])) {
      while (end < text_.size() && is_alnum(text_[end])) ++end;
      return "identifier \"" + std::string(text_.substr(pos_, end - pos_)) + "\"";
    }
    char c = text_[pos_];
    // The value sequence's tokens other than numbers and identifiers print as their text.
    if (c == '+' || c == '-') return std::string("<op:") + c + ">";
    if (c == ' ' || c == '\t' || c == '_') return "\"" + std::string(1, c == '\t' ? ' ' : c) + "\"";
    return "character \"" + std::string(1, c) + "\"";
  }
  bool peek_times() const { return pos_ < text_.size() && text_[pos_] == 'x'; }

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
      if (!repetition(n, error)) return false;
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
      if (peek_times() && !repetition(n, error)) return false;
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

  bool repetition(uint64_t& n, NotationError& error) {
    ++pos_;  // the x
    size_t start = pos_;
    while (pos_ < text_.size() && std::isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    if (start == pos_) {
      return fail(error, start, "unexpected " + describe_here() + " in series values");
    }
    auto [p, ec] = std::from_chars(text_.data() + start, text_.data() + pos_, n);
    if (ec != std::errc{}) return fail(error, start, "invalid repetition in series values");
    return true;
  }

  // A number token: digits, dots, exponent, or Inf/NaN.
  std::optional<double> number(NotationError& error, std::string_view context) {
    size_t start = pos_;
    if (pos_ < text_.size() && is_alpha(text_[pos_])) {
      while (pos_ < text_.size() && is_alnum(text_[pos_])) ++pos_;
      std::string_view word = text_.substr(start, pos_ - start);
      if (iequals(word, "inf") || iequals(word, "nan")) return go_float(word);
      pos_ = start;
      fail(error, start, "unexpected " + describe_here() + " in " + std::string(context));
      return std::nullopt;
    }
    // No hexadecimal in series descriptions: "0x5" is 0 repeated (Prometheus's lexer too).
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.') {
        ++pos_;
      } else if (c == 'e' || c == 'E') {
        ++pos_;
        if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      } else {
        break;
      }
    }
    std::optional<double> v = go_float(text_.substr(start, pos_ - start));
    if (!v) {
      fail(error, start,
           start < text_.size() && (is_alnum(text_[start]) || text_[start] == '.')
               ? "bad number or duration syntax: \"" +
                     std::string(text_.substr(start, std::max<size_t>(pos_ - start, 1))) + "\""
               : "unexpected " + describe_here() + " in " + std::string(context));
      return std::nullopt;
    }
    return v;
  }

  std::optional<double> value(NotationError& error) {
    size_t start = pos_;
    // The lexer emits `x` as the repetition token wherever it starts a word.
    if (text_[pos_] == 'x') {
      fail(error, start, "unexpected \"x\"");
      return std::nullopt;
    }
    if (is_alpha(text_[pos_])) {
      size_t end = pos_;
      while (end < text_.size() && is_alnum(text_[end]) && text_[end] != 'x') ++end;
      std::string_view word = text_.substr(start, end - start);
      if (word == "stale") {
        pos_ = end;
        return std::bit_cast<double>(promql::eval::kStaleNaNBits);
      }
      if (iequals(word, "inf") || iequals(word, "nan")) return number(error, "series values");
      while (end < text_.size() && is_alnum(text_[end])) ++end;
      fail(error, start,
           "unexpected identifier \"" + std::string(text_.substr(start, end - start)) +
               "\" in series values, expected number or \"stale\"");
      return std::nullopt;
    }
    if (text_[pos_] == '+' || text_[pos_] == '-') {
      bool neg = text_[pos_] == '-';
      ++pos_;
      std::optional<double> v = number(error, "series values");
      if (!v) return std::nullopt;
      return neg ? -*v : *v;
    }
    return number(error, "series values");
  }

  std::string_view text_;
  size_t base_;
  size_t pos_ = 0;
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
