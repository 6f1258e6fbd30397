// SPDX-License-Identifier: Apache-2.0
// Regex validation with RE2. Go's regexp/syntax and RE2 accept the same language, with one
// exception handled here (\C, which only RE2 knows); error texts are reworded as Go's.
#include "promql/regex.h"

#include <re2/re2.h>

#include <cctype>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace caxtool::promql::detail {

namespace {

// Whether `re` uses \C (any byte), which RE2 accepts and Go rejects.
bool has_any_byte_escape(std::string_view re) {
  for (size_t i = 0; i + 1 < re.size(); ++i) {
    if (re[i] != '\\') continue;
    if (re[i + 1] == 'C') return true;
    ++i;  // skip the escaped character
  }
  return false;
}

// Whether a ")" in `re` may close a group it did not open (outside classes and escapes).
bool may_close_early(std::string_view re) {
  int depth = 0;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\') {
      ++i;
    } else if (c == '[') {
      size_t j = i + 1;
      if (j < re.size() && re[j] == '^') ++j;
      if (j < re.size() && re[j] == ']') ++j;
      for (; j < re.size() && re[j] != ']'; ++j)
        if (re[j] == '\\') ++j;
      i = j;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (--depth < 0) return true;
    }
  }
  return false;
}

// Go's regexp/syntax ErrorCode text for an RE2 error.
const char* go_error_code(RE2::ErrorCode code) {
  switch (code) {
    case RE2::ErrorBadEscape:
      return "invalid escape sequence";
    case RE2::ErrorBadCharClass:
      return "invalid character class";
    case RE2::ErrorBadCharRange:
      return "invalid character class range";
    case RE2::ErrorMissingBracket:
      return "missing closing ]";
    case RE2::ErrorMissingParen:
      return "missing closing )";
    case RE2::ErrorUnexpectedParen:
      return "unexpected )";
    case RE2::ErrorTrailingBackslash:
      return "trailing backslash at end of expression";
    case RE2::ErrorRepeatArgument:
      return "missing argument to repetition operator";
    case RE2::ErrorRepeatSize:
      return "invalid repeat count";
    case RE2::ErrorRepeatOp:
      return "invalid nested repetition operator";
    case RE2::ErrorBadPerlOp:
      return "invalid or unsupported Perl syntax";
    case RE2::ErrorBadUTF8:
      return "invalid UTF-8";
    case RE2::ErrorBadNamedCapture:
      return "invalid named capture";
    case RE2::ErrorPatternTooLarge:
      return "expression too large";
    default:
      return "invalid regexp";
  }
}

RE2::Options options(bool dot_nl, bool large) {
  RE2::Options o;
  o.set_log_errors(false);
  o.set_dot_nl(dot_nl);
  // Go has no size limit; RE2's default budget is kept for speed and raised on demand.
  if (large) o.set_max_mem(int64_t{1} << 30);
  return o;
}

// Compiles `pattern`, retrying with a large memory budget when RE2's default is too small.
struct Compiled {
  std::unique_ptr<RE2> re;
  explicit Compiled(std::string_view pattern, bool dot_nl) {
    re2::StringPiece p(pattern.data(), pattern.size());
    re = std::make_unique<RE2>(p, options(dot_nl, false));
    if (re->error_code() == RE2::ErrorPatternTooLarge)
      re = std::make_unique<RE2>(p, options(dot_nl, true));
  }
};

std::string error_text(const RE2& re) {
  std::string arg = re.error_arg();
  if (re.error_code() == RE2::ErrorMissingParen && arg.empty()) arg = re.pattern();
  return std::string("error parsing regexp: ") + go_error_code(re.error_code()) + ": `" + arg + "`";
}

}  // namespace

RegexCheck check_uncached(std::string_view re, bool quote_raw, bool dot_nl) {
  RegexCheck out;
  if (has_any_byte_escape(re)) {
    out.error = "error parsing regexp: invalid escape sequence: `\\C`";
    return out;
  }
  // One compilation in the common case: FullMatch anchors as Prometheus's "^(?:re)$" does.
  if (quote_raw) {
    Compiled raw(re, dot_nl);
    if (!raw.re->ok()) {
      out.error = error_text(*raw.re);
      return out;
    }
    out.matches_empty = RE2::FullMatch("", *raw.re);
    return out;
  }
  // Before 2.52 Prometheus compiled the anchored text first, so its errors quote that one; it
  // then parsed the user's text alone, which fails only when a ")" closes too early ("a)(b").
  Compiled wrapped("^(?:" + std::string(re) + ")$", dot_nl);
  if (!wrapped.re->ok()) {
    out.error = error_text(*wrapped.re);
    return out;
  }
  if (may_close_early(re)) {
    Compiled raw(re, dot_nl);
    if (!raw.re->ok()) {
      out.error = error_text(*raw.re);
      return out;
    }
  }
  out.matches_empty = RE2::FullMatch("", *wrapped.re);
  return out;
}

// Rule files repeat the same few regexes (job=~"...", instance=~".+"), and compiling one costs
// tens of microseconds, so results are cached per thread.
RegexCheck check_regex(std::string_view re, bool quote_raw, bool dot_nl) {
  constexpr size_t kMaxEntries = 4096;
  thread_local std::unordered_map<std::string, RegexCheck> cache;
  std::string key;
  key.reserve(re.size() + 2);
  key += quote_raw ? 'r' : 'w';
  key += dot_nl ? 's' : '-';
  key += re;
  if (auto it = cache.find(key); it != cache.end()) return it->second;
  RegexCheck out = check_uncached(re, quote_raw, dot_nl);
  if (cache.size() >= kMaxEntries) cache.clear();
  cache.emplace(std::move(key), out);
  return out;
}

LabelRegex::LabelRegex(std::string_view re, bool dot_nl)
    : re_(std::move(Compiled(re, dot_nl).re)) {}
LabelRegex::~LabelRegex() = default;
LabelRegex::LabelRegex(LabelRegex&&) noexcept = default;
LabelRegex& LabelRegex::operator=(LabelRegex&&) noexcept = default;

bool LabelRegex::ok() const { return re_ != nullptr && re_->ok(); }

bool LabelRegex::matches(std::string_view value) const {
  // FullMatch anchors at both ends, as Prometheus's "^(?:re)$".
  return ok() && RE2::FullMatch(re2::StringPiece(value.data(), value.size()), *re_);
}

namespace {

bool is_name_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

}  // namespace

bool LabelRegex::expand(std::string_view value, std::string_view tmpl, std::string& out) const {
  if (!ok()) return false;
  int n = re_->NumberOfCapturingGroups() + 1;
  std::vector<re2::StringPiece> groups(static_cast<size_t>(n));
  re2::StringPiece text(value.data(), value.size());
  if (!re_->Match(text, 0, text.size(), RE2::ANCHOR_BOTH, groups.data(), n)) return false;
  auto group = [&](size_t i) {
    if (i < groups.size() && groups[i].data() != nullptr)
      out.append(groups[i].data(), groups[i].size());
  };
  out.clear();
  while (!tmpl.empty()) {
    size_t d = tmpl.find('$');
    if (d == std::string_view::npos) break;
    out.append(tmpl.substr(0, d));
    tmpl.remove_prefix(d + 1);
    if (!tmpl.empty() && tmpl[0] == '$') {
      out.push_back('$');
      tmpl.remove_prefix(1);
      continue;
    }
    bool brace = !tmpl.empty() && tmpl[0] == '{';
    std::string_view rest = brace ? tmpl.substr(1) : tmpl;
    size_t i = 0;
    while (i < rest.size() && is_name_char(static_cast<unsigned char>(rest[i]))) ++i;
    if (i == 0 || (brace && (i >= rest.size() || rest[i] != '}'))) {
      out.push_back('$');  // malformed: the $ is text
      continue;
    }
    std::string_view name = rest.substr(0, i);
    tmpl = rest.substr(brace ? i + 1 : i);
    long num = 0;
    for (char c : name) {
      if (c < '0' || c > '9' || num >= 100000000) {
        num = -1;
        break;
      }
      num = num * 10 + (c - '0');
    }
    if (name[0] == '0' && name.size() > 1) num = -1;
    if (num >= 0) {
      group(static_cast<size_t>(num));
    } else {
      const auto& names = re_->NamedCapturingGroups();
      auto it = names.find(std::string(name));
      if (it != names.end()) group(static_cast<size_t>(it->second));
    }
  }
  out.append(tmpl);
  return true;
}

}  // namespace caxtool::promql::detail
