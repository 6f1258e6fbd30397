// SPDX-License-Identifier: Apache-2.0
// A hand-written reader of one `{{...}}` histogram description, following the grammar of
// Prometheus's generated_parser.y (histogram_series_value): `key:value` items separated by
// spaces, keys case-insensitive, each key once, numbers signed where the grammar's
// signed_or_unsigned_number allows it, integers for schema and offsets, bucket lists in [ ].
// Every bucket list becomes one span at its offset (buildHistogramBucketsAndSpans).
#include "ruletest/histogram_notation.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <set>

namespace caxtool::ruletest {
namespace {

using promql::eval::CounterResetHint;
using promql::eval::FloatHistogram;

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '_'; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

constexpr int64_t kMaxOffset = int64_t{1} << 24;

class Reader {
 public:
  Reader(std::string_view t, size_t pos) : t_(t), pos_(pos) {}

  std::optional<HistogramParse> run(size_t& error_at, std::string& error) {
    pos_ += 2;  // {{
    std::set<std::string> seen;
    FloatHistogram h;
    std::optional<int64_t> offset, n_offset;
    while (true) {
      skip();
      if (at_end())
        return fail(error_at, error, "unexpected end of input in histogram description");
      if (t_.compare(pos_, 2, "}}") == 0) {
        pos_ += 2;
        break;
      }
      size_t key_at = pos_;
      while (!at_end() && alpha(t_[pos_])) ++pos_;
      std::string key = lower(t_.substr(key_at, pos_ - key_at));
      if (key.empty()) {
        pos_ = key_at;
        return fail(error_at, error,
                    "unexpected character in histogram description, expected histogram "
                    "description key, e.g. buckets:[5 10 7]");
      }
      if (at_end() || t_[pos_] != ':') {
        pos_ = key_at;
        return fail(error_at, error,
                    is_key(key) ? "missing `:` for histogram descriptor"
                                : "bad histogram descriptor found: \"" +
                                      std::string(t_.substr(key_at, pos_ - key_at)) + "\"");
      }
      if (!is_key(key)) {
        pos_ = key_at;
        return fail(error_at, error, "bad histogram descriptor found: \"" + key + "\"");
      }
      ++pos_;
      if (!seen.insert(key).second) {
        pos_ = key_at;
        return fail(error_at, error, "duplicate key \"" + key + "\" in histogram");
      }
      bool ok = true;
      if (key == "schema" || key == "offset" || key == "n_offset") {
        std::optional<int64_t> v = integer();
        ok = v.has_value();
        if (ok && key == "schema") {
          if (*v != FloatHistogram::kCustomBucketsSchema && (*v < -4 || *v > 8)) {
            pos_ = key_at;
            return fail(error_at, error,
                        "histogram schema " + std::to_string(*v) +
                            " is not valid (-4 to 8, or -53 for custom buckets)");
          }
          h.schema = static_cast<int32_t>(*v);
        } else if (ok) {
          // Real bucket indices stay within ±2^18 (schema 8 up to 2^±1024); larger offsets
          // are refused so that index arithmetic cannot overflow.
          if (*v < -kMaxOffset || *v > kMaxOffset) {
            pos_ = key_at;
            return fail(error_at, error,
                        "histogram " + key + " " + std::to_string(*v) + " is out of range (±" +
                            std::to_string(kMaxOffset) + ")");
          }
          (key == "offset" ? offset : n_offset) = *v;
        }
      } else if (key == "sum" || key == "count" || key == "z_bucket" || key == "z_bucket_w") {
        std::optional<double> v = number(key != "z_bucket_w");
        ok = v.has_value();
        if (ok) {
          (key == "sum"        ? h.sum
           : key == "count"    ? h.count
           : key == "z_bucket" ? h.zero_count
                               : h.zero_threshold) = *v;
        }
      } else if (key == "buckets" || key == "n_buckets" || key == "custom_values") {
        std::vector<double>* dst = key == "buckets"     ? &h.positive.buckets
                                   : key == "n_buckets" ? &h.negative.buckets
                                                        : &h.custom_values;
        ok = list(*dst);
      } else {  // counter_reset_hint
        size_t s = pos_;
        while (!at_end() && alpha(t_[pos_])) ++pos_;
        std::string w = lower(t_.substr(s, pos_ - s));
        if (w == "unknown") {
          h.hint = CounterResetHint::kUnknown;
        } else if (w == "reset") {
          h.hint = CounterResetHint::kReset;
        } else if (w == "not_reset") {
          h.hint = CounterResetHint::kNotReset;
        } else if (w == "gauge") {
          h.hint = CounterResetHint::kGauge;
        } else {
          pos_ = s;
          ok = false;
        }
      }
      if (!ok) {
        return fail(error_at, error, "unexpected " + describe() + " in histogram description");
      }
      if (!at_end() && !space(t_[pos_]) && t_.compare(pos_, 2, "}}") != 0) {
        return fail(error_at, error, "unexpected " + describe() + " in histogram description");
      }
    }
    if (!h.positive.buckets.empty()) h.positive.offset = static_cast<int32_t>(offset.value_or(0));
    if (!h.negative.buckets.empty()) h.negative.offset = static_cast<int32_t>(n_offset.value_or(0));
    return HistogramParse{std::move(h), pos_};
  }

 private:
  static bool is_key(const std::string& k) {
    static const char* kKeys[] = {
        "sum",       "count",    "schema",     "offset",        "n_offset",          "buckets",
        "n_buckets", "z_bucket", "z_bucket_w", "custom_values", "counter_reset_hint"};
    return std::any_of(std::begin(kKeys), std::end(kKeys), [&](const char* x) { return k == x; });
  }
  bool at_end() const { return pos_ >= t_.size(); }
  void skip() {
    while (!at_end() && space(t_[pos_])) ++pos_;
  }
  std::string describe() const {
    if (at_end()) return "end of input";
    return "character \"" + std::string(1, t_[pos_]) + "\"";
  }
  std::optional<HistogramParse> fail(size_t& error_at, std::string& error, std::string msg) {
    error_at = pos_;
    error = std::move(msg);
    return std::nullopt;
  }
  std::optional<int64_t> integer() {
    size_t s = pos_;
    bool neg = !at_end() && t_[pos_] == '-';
    if (neg) ++pos_;
    size_t d = pos_;
    while (!at_end() && std::isdigit(static_cast<unsigned char>(t_[pos_])) != 0) ++pos_;
    uint64_t u = 0;
    auto [p, ec] = std::from_chars(t_.data() + d, t_.data() + pos_, u);
    if (d == pos_ || ec != std::errc{} || u > static_cast<uint64_t>(INT64_MAX)) {
      pos_ = s;
      return std::nullopt;
    }
    return neg ? -static_cast<int64_t>(u) : static_cast<int64_t>(u);
  }
  std::optional<double> number(bool allow_sign) {
    size_t s = pos_;
    double sign = 1;
    if (allow_sign && !at_end() && (t_[pos_] == '+' || t_[pos_] == '-')) {
      sign = t_[pos_] == '-' ? -1 : 1;
      ++pos_;
    }
    size_t b = pos_;
    while (!at_end() && (std::isalnum(static_cast<unsigned char>(t_[pos_])) != 0 ||
                         t_[pos_] == '.' || t_[pos_] == '_' ||
                         ((t_[pos_] == '+' || t_[pos_] == '-') && pos_ > b &&
                          (t_[pos_ - 1] == 'e' || t_[pos_ - 1] == 'E')))) {
      ++pos_;
    }
    std::string w(t_.substr(b, pos_ - b));
    std::string lw = lower(w);
    double v = 0;
    if (lw == "inf") {
      v = HUGE_VAL;
    } else if (lw == "nan") {
      v = std::nan("");
    } else {
      std::string digits;
      for (char c : w)
        if (c != '_') digits.push_back(c);
      bool hex = lw.size() > 1 && lw[0] == '0' && lw[1] == 'x';
      char* end = nullptr;
      v = digits.empty() || hex ? 0 : std::strtod(digits.c_str(), &end);
      if (digits.empty() || hex || end != digits.c_str() + digits.size()) {
        pos_ = s;
        return std::nullopt;
      }
    }
    return sign * v;
  }
  bool list(std::vector<double>& out) {
    if (at_end() || t_[pos_] != '[') return false;
    ++pos_;
    while (true) {
      skip();
      if (at_end()) return false;
      if (t_[pos_] == ']') {
        ++pos_;
        return !out.empty();
      }
      std::optional<double> v = number(true);
      if (!v) return false;
      out.push_back(*v);
      if (!at_end() && !space(t_[pos_]) && t_[pos_] != ']') return false;
    }
  }

  std::string_view t_;
  size_t pos_;
};

}  // namespace

std::optional<HistogramParse> parse_histogram(std::string_view text, size_t pos, size_t& error_at,
                                              std::string& error) {
  return Reader(text, pos).run(error_at, error);
}

std::optional<promql::eval::FloatHistogram> parse_single_histogram(std::string_view text,
                                                                   std::string& error) {
  size_t b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos || text.compare(b, 2, "{{") != 0) {
    error = "expected a histogram ({{...}})";
    return std::nullopt;
  }
  size_t at = 0;
  std::optional<HistogramParse> p = parse_histogram(text, b, at, error);
  if (!p) return std::nullopt;
  if (text.find_first_not_of(" \t\r\n", p->end) != std::string_view::npos) {
    error = "expected 1 value, got more";
    return std::nullopt;
  }
  return std::move(p->h);
}

}  // namespace caxtool::ruletest
