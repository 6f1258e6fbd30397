// SPDX-License-Identifier: Apache-2.0
// lexValueSequence and the functions it calls (lexNumber with scanNumber, lexKeywordOrIdentifier,
// lexSpace) of Prometheus 2.42, token for token, and Item.String()/desc() for the messages.
#include "ruletest/series_lexer.h"

#include <algorithm>
#include <cctype>

#include "promql/literals.h"

namespace caxtool::ruletest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_alnum(char c) { return is_alpha(c) || is_digit(c); }

// The lexer's keyword table (2.42), by how Item.String() shows each: operators as <op:and>,
// aggregators as <aggr:sum>, keywords as <by>, preprocessors quoted.
enum class WordKind { kOperator, kAggregator, kKeyword, kPreprocessor, kNumber };
struct Word {
  const char* name;
  WordKind kind;
};
constexpr Word kWords[] = {
    {"and", WordKind::kOperator},
    {"or", WordKind::kOperator},
    {"unless", WordKind::kOperator},
    {"atan2", WordKind::kOperator},
    {"sum", WordKind::kAggregator},
    {"avg", WordKind::kAggregator},
    {"count", WordKind::kAggregator},
    {"min", WordKind::kAggregator},
    {"max", WordKind::kAggregator},
    {"group", WordKind::kAggregator},
    {"stddev", WordKind::kAggregator},
    {"stdvar", WordKind::kAggregator},
    {"topk", WordKind::kAggregator},
    {"bottomk", WordKind::kAggregator},
    {"count_values", WordKind::kAggregator},
    {"quantile", WordKind::kAggregator},
    {"offset", WordKind::kKeyword},
    {"by", WordKind::kKeyword},
    {"without", WordKind::kKeyword},
    {"on", WordKind::kKeyword},
    {"ignoring", WordKind::kKeyword},
    {"group_left", WordKind::kKeyword},
    {"group_right", WordKind::kKeyword},
    {"bool", WordKind::kKeyword},
    {"start", WordKind::kPreprocessor},
    {"end", WordKind::kPreprocessor},
    {"inf", WordKind::kNumber},
    {"nan", WordKind::kNumber},
};

// %q, or %.10q... past ten runes (Item.String() of a long token).
std::string quoted(std::string_view s) {
  size_t runes = 0, i = 0;
  while (i < s.size() && runes < 10) {
    size_t width = 1;
    promql::detail::decode_rune(s, i, &width);
    i += width;
    ++runes;
  }
  if (i < s.size()) return promql::detail::go_quote(s.substr(0, i)) + "...";
  return promql::detail::go_quote(s);
}

}  // namespace

SeriesToken SeriesLexer::next() {
  SeriesToken t;
  size_t start = pos_;
  t.at = start;
  if (pos_ >= text_.size()) return t;  // kEof
  char c = text_[pos_];
  auto single = [&](SeriesToken::Kind kind) {
    t.kind = kind;
    t.text = text_.substr(pos_++, 1);
    return t;
  };
  if (is_space(c)) {
    single(SeriesToken::kSpace);
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;  // lexSpace: ignored
    return t;
  }
  if (c == '+') return single(SeriesToken::kAdd);
  if (c == '-') return single(SeriesToken::kSub);
  if (c == 'x') return single(SeriesToken::kTimes);
  if (c == '_') return single(SeriesToken::kBlank);
  if (histograms_ && text_.compare(pos_, 2, "{{") == 0) {
    t.kind = SeriesToken::kHistogram;
    return t;  // the histogram reader takes it from here
  }
  if (is_digit(c) || (c == '.' && pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1])))
    return number(start);
  if (is_alpha(c)) return word(start);
  size_t width = 1;
  char32_t r = promql::detail::decode_rune(text_, pos_, &width);
  t.kind = SeriesToken::kError;
  t.error = "unexpected character in series sequence: " + promql::detail::go_quote_rune(r);
  pos_ = text_.size();  // the lexer stops
  return t;
}

// scanNumber with seriesDesc set: digits, a fraction, an exponent, then anything but a letter,
// digit or underscore, unless it is the repetition's x.
SeriesToken SeriesLexer::number(size_t start) {
  auto run = [&] {
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  };
  run();
  if (pos_ < text_.size() && text_[pos_] == '.') {
    ++pos_;
    run();
  }
  if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    run();
  }
  SeriesToken t;
  t.at = start;
  t.text = text_.substr(start, pos_ - start);
  if (pos_ < text_.size() && text_[pos_] != 'x' && is_alnum(text_[pos_])) {
    t.kind = SeriesToken::kError;
    t.error = "bad number syntax: " + promql::detail::go_quote(t.text);
    return t;  // the lexer goes on, but the parser takes an error as the end
  }
  t.kind = SeriesToken::kNumber;
  return t;
}

SeriesToken SeriesLexer::word(size_t start) {
  while (pos_ < text_.size() && (is_alnum(text_[pos_]) || text_[pos_] == ':')) ++pos_;
  SeriesToken t;
  t.at = start;
  t.text = text_.substr(start, pos_ - start);
  std::string lower(t.text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  for (const Word& w : kWords) {
    if (lower != w.name) continue;
    if (w.kind == WordKind::kNumber) {
      t.kind = SeriesToken::kNumber;
      return t;
    }
    t.kind = SeriesToken::kKeyword;
    std::string v(t.text);
    t.error = w.kind == WordKind::kOperator     ? "<op:" + v + ">"
              : w.kind == WordKind::kAggregator ? "<aggr:" + v + ">"
              : w.kind == WordKind::kKeyword    ? "<" + v + ">"
                                                : quoted(v);
    return t;
  }
  t.kind = t.text.find(':') == std::string_view::npos ? SeriesToken::kIdentifier
                                                      : SeriesToken::kMetricIdentifier;
  return t;
}

std::string describe(const SeriesToken& t) {
  switch (t.kind) {
    case SeriesToken::kNumber:
      return "number " + quoted(t.text);
    case SeriesToken::kIdentifier:
      return "identifier " + promql::detail::go_quote(t.text);
    case SeriesToken::kMetricIdentifier:
      return "metric identifier " + promql::detail::go_quote(t.text);
    case SeriesToken::kKeyword:
      return t.error;
    case SeriesToken::kAdd:
      return "<op:+>";
    case SeriesToken::kSub:
      return "<op:->";
    case SeriesToken::kTimes:
    case SeriesToken::kBlank:
    case SeriesToken::kSpace:
      return promql::detail::go_quote(t.text);
    case SeriesToken::kHistogram:
      return "\"{\"";
    case SeriesToken::kEof:
      return "end of input";
    case SeriesToken::kError:
      return t.error;
  }
  return "";
}

}  // namespace caxtool::ruletest
