// SPDX-License-Identifier: Apache-2.0
// The tokens of a series' values as Prometheus's lexer produces them in series-description
// mode (promql/parser/lex.go, lexValueSequence): whitespace runs, + - x _, numbers (no hex;
// a number must not run into a letter unless it is the `x`), words that are keywords,
// identifiers or, with a colon, metric identifiers, and the lexer's own errors. The parser's
// messages quote a token as Item.desc() does, so desc() is here too.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace caxtool::ruletest {

struct SeriesToken {
  enum Kind {
    kNumber,
    kIdentifier,
    kMetricIdentifier,
    kKeyword,  // a PromQL keyword, operator word or aggregator: never valid here
    kAdd,
    kSub,
    kTimes,
    kBlank,
    kSpace,
    kHistogram,  // `{{`, where the native-histogram notation is read
    kEof,
    kError,  // the lexer's error, in `error`
  };
  Kind kind = kEof;
  size_t at = 0;  // offset into the values text
  std::string_view text;
  std::string error;
};

class SeriesLexer {
 public:
  SeriesLexer(std::string_view text, bool histograms) : text_(text), histograms_(histograms) {}
  SeriesToken next();
  // Where the next token starts; the histogram reader moves it past what it read.
  size_t pos() const { return pos_; }
  void set_pos(size_t pos) { pos_ = pos; }

 private:
  SeriesToken number(size_t start);
  SeriesToken word(size_t start);
  std::string_view text_;
  bool histograms_;
  size_t pos_ = 0;
};

// Item.desc(): `number "1.5"`, `identifier "a"`, `<aggr:sum>`, `<op:->`, `"x"`, `" "`,
// `end of input`.
std::string describe(const SeriesToken& t);

}  // namespace caxtool::ruletest
